import HookCore

/// The text of a rule in its file, for `gatehouse policy show`: from the
/// rule's `- ` line to the end of its block, comments and tests included.
public enum RuleSource {
    public static func text(file: String, line: Int) -> String? {
        guard !file.isEmpty, line > 0, let bytes = FileSystem.read(file) else { return nil }
        return text(of: String(decoding: bytes, as: UTF8.self), line: line)
    }

    public static func text(of source: String, line: Int) -> String? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line <= lines.count else { return nil }
        func indent(_ s: String) -> Int { s.prefix(while: { $0 == " " }).count }
        func isBlankOrComment(_ s: String) -> Bool {
            let trimmed = s.drop(while: { $0 == " " || $0 == "\t" })
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        let dash = indent(lines[line - 1])
        var end = line
        while end < lines.count, isBlankOrComment(lines[end]) || indent(lines[end]) > dash { end += 1 }
        var block = Array(lines[(line - 1)..<end])
        while let last = block.last, isBlankOrComment(last) { block.removeLast() }
        return block.joined(separator: "\n")
    }
}
