import Testing
@testable import HookCore

@Suite("SQL: corpus quality through the engine")
struct SQLCorpusTests {
    @Test("quality/sql.tsv: recall >= 0.98, false-positive rate <= 0.01")
    func corpus() throws {
        let corpus = try Corpus.load("sql.tsv")
        #expect(corpus.rows.count >= 80)
        let engine = Engine(home: "/home/dev")
        let id = DecisionID(rawValue: "gh_test0000000000000")
        var wrongFamily: [String] = []
        let result = corpus.measure { row in
            let call = ToolCall(
                host: HostID(rawValue: "test"), toolName: "mcp__postgres__query", kind: .mcp, mcpServer: "postgres",
                mcpTool: "query", input: .object([("sql", .string(row.input))]))
            let decision = engine.evaluate(call, id: id)
            if row.bad, !decision.policyIDs.contains("builtin.sql." + row.family) {
                wrongFamily.append("line \(row.line) \(row.family): \(decision.policyIDs)")
            }
            return decision.verdict == .deny || decision.verdict == .ask
        }
        let misses = result.misses.map { "line \($0.line): \($0.input)" }
        let alarms = result.falseAlarms.map { "line \($0.line): \($0.input)" }
        #expect(result.recall >= 0.98, "missed: \(misses)")
        #expect(result.fpr <= 0.01, "false alarms: \(alarms)")
        #expect(wrongFamily.isEmpty, "\(wrongFamily)")
        #expect(result.misses.isEmpty && result.falseAlarms.isEmpty, "within target, still wrong: \(misses) \(alarms)")
    }
}
