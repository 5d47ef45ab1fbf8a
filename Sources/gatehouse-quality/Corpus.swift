import Foundation

/// One labelled line of a quality corpus.
struct Sample: Sendable {
    enum Label: String, Sendable { case bad, good }
    var label: Label
    var family: String
    var input: String
    var file: String
    var line: Int
}

/// How a corpus file is fed to the hook and what counts as "caught".
struct CorpusKind: Sendable {
    var file: String
    var event: String
    /// Builds the hook's stdin for one input.
    var payload: @Sendable (String) -> [String: Any]
    /// True when the hook's output means the sample was flagged.
    var flagged: @Sendable (_ stdout: String, _ status: Int32) -> Bool

    static let preToolUseFlagged: @Sendable (String, Int32) -> Bool = { stdout, status in
        status == 2 || stdout.contains("\"permissionDecision\":\"deny\"") || stdout.contains("\"permissionDecision\":\"ask\"")
    }

    static let all: [CorpusKind] = [
        CorpusKind(file: "shell.tsv", event: "PreToolUse",
                   payload: { ["tool_name": "Bash", "tool_input": ["command": $0]] }, flagged: preToolUseFlagged),
        CorpusKind(file: "sql.tsv", event: "PreToolUse",
                   payload: { ["tool_name": "mcp__db__query", "tool_input": ["sql": $0]] }, flagged: preToolUseFlagged),
        CorpusKind(file: "pii.tsv", event: "PostToolUse",
                   payload: { ["tool_name": "Bash", "tool_input": ["command": "cat output.txt"],
                               "tool_response": ["stdout": $0, "stderr": "", "interrupted": false]] },
                   flagged: { stdout, _ in stdout.contains("updatedToolOutput") }),
    ]
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
}

enum CorpusReader {
    /// `label<TAB>family<TAB>input`; `#` comments and blank lines skipped;
    /// `\t`, `\n` and `\\` unescaped in the input.
    static func read(_ path: String, name: String) throws -> [Sample] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var samples: [Sample] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw CorpusError(description: "\(name):\(index + 1):1: expected label<TAB>family<TAB>input")
            }
            guard let label = Sample.Label(rawValue: String(fields[0])) else {
                throw CorpusError(description: "\(name):\(index + 1):1: label must be 'bad' or 'good', not '\(fields[0])'")
            }
            samples.append(Sample(label: label, family: String(fields[1]), input: unescape(fields[2]), file: name, line: index + 1))
        }
        return samples
    }

    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "\\": result.append("\\")
                default: result.append("\\"); result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
