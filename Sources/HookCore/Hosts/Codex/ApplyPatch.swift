/// One file touched by a Codex `apply_patch` envelope.
public struct PatchFileChange: Sendable, Equatable {
    public enum Operation: String, Sendable { case add, update, delete }
    public var operation: Operation
    public var path: String
    /// The destination of `*** Move to:`, if the update renames the file.
    public var moveTo: String?
    /// Lines the patch adds (`+` lines, or the whole body of an added file).
    public var addedLines: [String]
    /// Lines the patch removes (`-` lines).
    public var removedLines: [String]

    public init(
        operation: Operation, path: String, moveTo: String? = nil, addedLines: [String] = [], removedLines: [String] = []
    ) {
        self.operation = operation
        self.path = path
        self.moveTo = moveTo
        self.addedLines = addedLines
        self.removedLines = removedLines
    }

    public var addedText: String { addedLines.joined(separator: "\n") }
    public var removedText: String { removedLines.joined(separator: "\n") }
}

/// Reads the `*** Begin Patch` … `*** End Patch` envelope Codex sends as the
/// `command` of an `apply_patch` call. Lenient about what it does not govern
/// (context lines, hunk headers, a missing end marker) and strict about what it
/// does: a patch that names no file is an error, never an empty allow.
public enum ApplyPatch {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "apply_patch line \(line): \(message)" }
    }

    static let addFile = "*** Add File: "
    static let updateFile = "*** Update File: "
    static let deleteFile = "*** Delete File: "
    static let moveTo = "*** Move to: "

    public static func parse(_ text: String) throws(ParseError) -> [PatchFileChange] {
        var changes: [PatchFileChange] = []
        var current: PatchFileChange?
        var sawBegin = false
        var lineNumber = 0
        func flush() {
            if let done = current { changes.append(done) }
            current = nil
        }
        // Codex also accepts the patch wrapped in a heredoc (`apply_patch <<'EOF'`):
        // everything outside the markers is ignored.
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if !sawBegin {
                if trimmed.hasPrefix("*** Begin Patch") { sawBegin = true }
                continue
            }
            if trimmed.hasPrefix("*** End Patch") {
                flush()
                return try checked(changes, line: lineNumber)
            }
            if let path = value(of: trimmed, after: addFile) {
                flush()
                current = PatchFileChange(operation: .add, path: path)
            } else if let path = value(of: trimmed, after: updateFile) {
                flush()
                current = PatchFileChange(operation: .update, path: path)
            } else if let path = value(of: trimmed, after: deleteFile) {
                flush()
                changes.append(PatchFileChange(operation: .delete, path: path))
            } else if let path = value(of: trimmed, after: moveTo) {
                guard current?.operation == .update else {
                    throw ParseError(line: lineNumber, message: "'*** Move to:' outside an '*** Update File:' section")
                }
                current?.moveTo = path
            } else if current != nil {
                if line.hasPrefix("+") {
                    current?.addedLines.append(String(line.dropFirst()))
                } else if line.hasPrefix("-") {
                    current?.removedLines.append(String(line.dropFirst()))
                }
                // Context lines, `@@` headers and `*** End of File` govern nothing.
            } else if !trimmed.isEmpty {
                throw ParseError(line: lineNumber, message: "expected a file header ('*** Add File:', '*** Update File:' or '*** Delete File:')")
            }
        }
        guard sawBegin else { throw ParseError(line: 1, message: "no '*** Begin Patch' marker") }
        flush()
        return try checked(changes, line: lineNumber)
    }

    static func value(of line: Substring, after prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        let path = rest.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        return path.isEmpty ? nil : String(path)
    }

    static func checked(_ changes: [PatchFileChange], line: Int) throws(ParseError) -> [PatchFileChange] {
        guard !changes.isEmpty else { throw ParseError(line: line, message: "the patch names no file") }
        return changes
    }
}
