import Testing
@testable import HookCore

@Suite("PII and secrets: corpus quality through the redactor")
struct PIICorpusTests {
    @Test("quality/pii.tsv: recall >= 0.98, false-positive rate <= 0.01")
    func corpus() throws {
        let corpus = try Corpus.load("pii.tsv")
        #expect(corpus.rows.count >= 220)
        let engine = Engine(home: "/home/dev")
        let id = DecisionID(rawValue: "gh_test0000000000000")
        var wrongType: [String] = []
        let result = corpus.measure { row in
            let output = JSONValue.object([("stdout", .string(row.input)), ("stderr", .string("")), ("interrupted", .bool(false))])
            let (_, decision) = engine.scanOutput(output, id: id)
            if row.bad, decision.verdict == .redact, !decision.findings.contains(where: { $0.type == Self.type(of: row.family) || $0.type == "secret_assignment" && row.family.hasSuffix("token") }) {
                wrongType.append("line \(row.line) \(row.family): \(decision.findings.map(\.type))")
            }
            return decision.verdict == .redact
        }
        let misses = result.misses.map { "line \($0.line) \($0.family): \($0.input)" }
        let alarms = result.falseAlarms.map { "line \($0.line) \($0.family): \($0.input)" }
        #expect(result.recall >= 0.98, "recall \(result.recall) missed: \(misses)")
        #expect(result.fpr <= 0.01, "fpr \(result.fpr) false alarms: \(alarms)")
        #expect(wrongType.isEmpty, "\(wrongType)")
        #expect(result.misses.isEmpty && result.falseAlarms.isEmpty, "within target, still wrong: \(misses) \(alarms)")
    }

    /// Corpus family names that differ from the finding type.
    static func type(of family: String) -> String {
        switch family {
        case "card": "credit_card"
        default: family.split(separator: ":").last.map(String.init) ?? family
        }
    }
}
