import Testing
@testable import HookCore

@Suite struct ApplyPatchTests {
    @Test func readsAddUpdateDeleteAndMove() throws {
        let patch = """
            *** Begin Patch
            *** Add File: notes/key.pem
            +-----BEGIN OPENSSH PRIVATE KEY-----
            +abc
            *** Update File: src/app.py
            *** Move to: src/main.py
            @@ def main():
             context
            -print("old")
            +print("new")
            *** Delete File: old.txt
            *** End Patch
            """
        let changes = try ApplyPatch.parse(patch)
        #expect(changes == [
            PatchFileChange(operation: .add, path: "notes/key.pem", addedLines: ["-----BEGIN OPENSSH PRIVATE KEY-----", "abc"]),
            PatchFileChange(
                operation: .update, path: "src/app.py", moveTo: "src/main.py", addedLines: [#"print("new")"#],
                removedLines: [#"print("old")"#]),
            PatchFileChange(operation: .delete, path: "old.txt"),
        ])
    }

    @Test func toleratesHeredocWrappingCRLFAndAMissingEndMarker() throws {
        let wrapped = "apply_patch <<'EOF'\r\n*** Begin Patch\r\n*** Add File: a.txt\r\n+hi\r\n*** End Patch\r\nEOF\r\n"
        #expect(try ApplyPatch.parse(wrapped) == [PatchFileChange(operation: .add, path: "a.txt", addedLines: ["hi"])])
        let open = "*** Begin Patch\n*** Add File: b.txt\n+x"
        #expect(try ApplyPatch.parse(open).map(\.path) == ["b.txt"])
    }

    @Test(arguments: [
        ("", 1, "no '*** Begin Patch' marker"),
        ("*** Begin Patch\n*** End Patch", 2, "the patch names no file"),
        ("*** Begin Patch\n+stray\n*** End Patch", 2, "expected a file header"),
        ("*** Begin Patch\n*** Move to: x\n*** End Patch", 2, "'*** Move to:' outside"),
    ])
    func rejectsPatchesThatNameNoFile(text: String, line: Int, message: String) {
        #expect {
            try ApplyPatch.parse(text)
        } throws: { error in
            guard let error = error as? ApplyPatch.ParseError else { return false }
            return error.line == line && error.message.hasPrefix(message)
        }
    }

    /// Random patch-like text never crashes the parser, and every parsed change names a file.
    @Test func survivesRandomInput() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        let pieces = [
            "*** Begin Patch\n", "*** End Patch\n", "*** Add File: a\n", "*** Update File: ", "*** Delete File: d\n",
            "*** Move to: m\n", "+", "-", " ", "@@", "\n", "\r\n", "x", "é", "\t", "*** ",
        ]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(next() % 24) { text += pieces[Int(next() % UInt64(pieces.count))] }
            if let changes = try? ApplyPatch.parse(text) {
                #expect(!changes.isEmpty)
                #expect(changes.allSatisfy { !$0.path.isEmpty })
            }
        }
    }
}
