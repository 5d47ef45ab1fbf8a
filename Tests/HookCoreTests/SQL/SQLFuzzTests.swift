import Testing
@testable import HookCore

/// SplitMix64: seeded, so a failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func text(from pieces: [String], count: ClosedRange<Int>) -> String {
        var out = ""
        for _ in 0..<Int.random(in: count, using: &self) {
            if Int.random(in: 0..<6, using: &self) == 0 {
                out.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &self)))
            } else {
                out += pieces.randomElement(using: &self)!
            }
        }
        return out
    }
}

@Suite("SQL: robustness")
struct SQLFuzzTests {
    static let pieces = [
        "'", "''", "\\", "\"", "`", "[", "]", "$$", "$a$", "$1", "--", "#", "/*", "*/", "/*!", "/*!50000", ";", "(", ")",
        ",", ".", "=", "<>", "||", "::", "0x", "0x41", "X'", "E'", "N'", "1", "1.5e", " ", "\n", "SELECT", "UNION", "OR",
        "AND", "DROP", "DELETE", "UPDATE", "SET", "WHERE", "FROM", "SLEEP", "CHAR", "CAST", "@@version", "?", ":x", "é", "🙂",
    ]

    @Test("random SQL never crashes; tokens stay in bounds and in order")
    func randomInputs() {
        var generator = SeededGenerator(state: 0x5E1)
        for _ in 0..<3000 {
            let sql = generator.text(from: Self.pieces, count: 1...40)
            let tokens = SQLTokenizer.tokenize(sql).all
            var last = 0
            for token in tokens {
                #expect(token.start >= last && token.start < token.end && token.end <= sql.utf8.count, "\(sql)")
                last = token.end
            }
            _ = SQLInspector.inspect(sql)
            _ = SQLDetectors.findings(tool: "mcp__db__query", input: .object([("sql", .string(sql))]))
        }
    }

    @Test("pathological inputs finish (linear scanning)")
    func pathologicalInputs() {
        for piece in ["'", "(", "$a", "/*", "--\n", "OR 1=1 ", "CHAR(", "UNION SELECT ", "\\", "$$"] {
            let sql = String(repeating: piece, count: 50_000 / piece.utf8.count)
            _ = SQLInspector.inspect(sql)
        }
    }
}

@Suite("Redactor and prompt-injection scanner: robustness")
struct DataFuzzTests {
    static let pieces = [
        "@", ".", "-", "+", " ", "\n", "%", "%4", "%40", "0x", "=", "==", "4111", "1111", "AKIA", "ghp_", "sk-", "eyJ", "aGVsbG8",
        "Z2hwX", "password=", "token: ", "\"", "'", "NIK ", "S1234567D", "+62", "08", "ignore previous instructions",
        "<function_calls>", "-----BEGIN ", " PRIVATE KEY-----", "ABCPE1234F", "DE89", "é", "\\n", "1", "9", "a", "Z",
    ]

    @Test("random text never crashes; findings stay in bounds and sorted")
    func randomText() {
        var generator = SeededGenerator(state: 0xDA7A)
        let redactor = Redactor()
        let scanner = PromptInjectionScanner()
        for _ in 0..<2000 {
            let text = generator.text(from: Self.pieces, count: 1...60)
            let findings = redactor.findings(in: text)
            var last = 0
            for finding in findings {
                #expect(finding.start >= last && finding.start < finding.end && finding.end <= text.utf8.count, "\(text)")
                last = finding.end
            }
            _ = redactor.redact(text)
            for hit in scanner.scan(text) { #expect(hit.end <= text.utf8.count) }
            let array = JSONValue.array(text.split(separator: " ").map { .string(String($0)) })
            _ = redactor.redact(array)
        }
    }

    @Test("pathological inputs finish (linear scanning)")
    func pathologicalInputs() {
        let redactor = Redactor()
        for piece in ["A", "%41", "a@", "password=", "ignore ", "0", "4111 ", "+1 ", "eyJ.", "-----BEGIN "] {
            let text = String(repeating: piece, count: 100_000 / piece.utf8.count)
            _ = redactor.redact(text)
            _ = PromptInjectionScanner().scan(text)
        }
    }
}
