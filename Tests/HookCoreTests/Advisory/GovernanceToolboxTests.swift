import Testing
@testable import HookCore

@Suite struct GovernanceToolboxTests {
    func toolbox(log: String? = nil) -> GovernanceToolbox {
        GovernanceToolbox(
            engine: Engine(home: "/home/dev"), auditLogPath: "/state/audit.jsonl", mode: .enforce,
            readAuditLog: { _ in log.map { Array($0.utf8) } })
    }

    func answer(_ name: String, _ arguments: JSONValue, log: String? = nil) throws -> JSONValue {
        let answer = toolbox(log: log).call(name, arguments: arguments)
        #expect(!answer.isError, "\(answer.text)")
        return try JSONParser.parse(answer.text)
    }

    @Test func checkPolicyDeniesADangerousCommandLikeTheHook() throws {
        let body = try answer("check_policy", .object([("command", .string("rm -rf ~"))]))
        #expect(body["verdict"]?.stringValue == "deny")
        #expect(body["policies"]?.arrayValue?.first?.stringValue == "builtin.shell.rm-home")
        #expect(body["risk"]?.stringValue == "critical")
    }

    @Test func checkPolicyAllowsAnEverydayCommand() throws {
        let body = try answer("check_policy", .object([("command", .string("ls -la"))]))
        #expect(body["verdict"]?.stringValue == "allow")
    }

    @Test func checkPolicyTakesAnyToolShape() throws {
        let input = JSONValue.object([("file_path", .string("/home/dev/.ssh/id_ed25519"))])
        let body = try answer("check_policy", .object([("tool_name", .string("Read")), ("tool_input", input)]))
        #expect(body["verdict"]?.stringValue == "deny")
    }

    @Test func checkPolicyWithoutAToolIsAnError() {
        #expect(toolbox().call("check_policy", arguments: .object([])).isError)
    }

    @Test func scanTextNeverReturnsTheRawValue() throws {
        let answer = toolbox().call("scan_text", arguments: .object([("text", .string("key AKIAIOSFODNN7EXAMPLE, mail a@b.io"))]))
        #expect(!answer.text.contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(!answer.text.contains("a@b.io"))
        let body = try JSONParser.parse(answer.text)
        #expect(body["types"]?.arrayValue?.compactMap(\.stringValue) == ["aws_access_key", "email"])
        #expect(body["redacted"]?.stringValue == "key [REDACTED:aws_access_key], mail [REDACTED:email]")
    }

    @Test func auditSearchFiltersNewestFirstAndSkipsTornLines() throws {
        let log = """
            {"decision_id":"gh_a","verdict":"allow","tool":"Bash"}
            {"decision_id":"gh_b","verdict":"deny","tool":"Bash"}
            {"decision_id":"gh_c","verd
            {"decision_id":"gh_d","verdict":"deny","tool":"Read"}

            """
        let denies = try answer("audit_search", .object([("verdict", .string("deny"))]), log: log)
        #expect(denies["records"]?.arrayValue?.compactMap { $0["decision_id"]?.stringValue } == ["gh_d", "gh_b"])
        let one = try answer("audit_search", .object([("verdict", .string("deny")), ("limit", .int(1))]), log: log)
        #expect(one["records"]?.arrayValue?.count == 1)
        let byID = try answer("audit_search", .object([("decision_id", .string("gh_a"))]), log: log)
        #expect(byID["records"]?.arrayValue?.first?["verdict"]?.stringValue == "allow")
    }

    @Test func auditSearchWithoutATrailSaysSo() {
        let answer = toolbox(log: nil).call("audit_search", arguments: .object([]))
        #expect(!answer.isError)
        #expect(answer.text.contains("no audit trail at /state/audit.jsonl"))
    }

    @Test func listPoliciesAndStatusDescribeTheEngine() throws {
        let engine = Engine(home: "/home/dev")
        let list = try answer("list_policies", .object([]))
        #expect(list["policies"]?.arrayValue?.count == engine.policies.count)
        let status = try answer("governance_status", .object([]))
        #expect(status["version"]?.stringValue == Gatehouse.version)
        #expect(status["mode"]?.stringValue == "enforce")
        #expect(status["audit_log_present"]?.boolValue == false)
    }

    @Test func unknownToolNamesTheKnownOnes() {
        let answer = toolbox().call("drop_tables", arguments: .object([]))
        #expect(answer.isError)
        #expect(answer.text.contains("check_policy"))
    }

    @Test func everyToolHasAnObjectSchema() {
        for tool in GovernanceToolbox.tools {
            #expect(tool.inputSchema["type"]?.stringValue == "object", "\(tool.name)")
        }
        #expect(GovernanceToolbox.tools.map(\.name) == ["check_policy", "scan_text", "audit_search", "list_policies", "governance_status"])
    }
}
