import Testing
@testable import HookCore

@Suite struct CursorCodecTests {
    /// Fields every Cursor hook payload carries (reference/hosts.md, section 3a).
    func payload(_ event: CursorEvent, _ fields: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("conversation_id", .string("conv-1")), ("generation_id", .string("gen-1")), ("model", .string("m")),
            ("hook_event_name", .string(event.rawValue)), ("cursor_version", .string("2.0.0")),
            ("workspace_roots", .array([.string("/home/dev/p")])), ("user_email", .string("dev@example.com")),
            ("transcript_path", .null),
        ] + fields.map { ($0.0, Optional($0.1)) })
    }

    func run(_ event: CursorEvent, _ fields: [(String, JSONValue)], sink: MemoryAuditSink = MemoryAuditSink()) -> HookOutput {
        let runner = HookRunner(
            codec: CursorCodec(event: event), configuration: HookConfiguration(environment: ["HOME": "/home/dev"]), audit: sink)
        return runner.run(event.hookEvent, input: Array(payload(event, fields).jsonText.utf8))
    }

    @Test func deniesADangerousShellCommandInCursorsFormat() throws {
        let sink = MemoryAuditSink()
        let output = run(.beforeShellExecution, [
            ("command", .string("rm -rf ~")), ("cwd", .string("/home/dev/p")), ("sandbox", .bool(false)),
            ("tool_use_id", .string("t1")),
        ], sink: sink)
        let json = try JSONParser.parse(output.stdout)
        #expect(json["permission"] == .string("deny"))
        let id = try #require(sink.records.first?.decisionID.rawValue)
        #expect(json["agent_message"]?.stringValue?.contains(id) == true)
        #expect(json["user_message"] == json["agent_message"])
        #expect(output.exitCode == 0)
    }

    @Test func allowsExplicitly() throws {
        let output = run(.beforeShellExecution, [("command", .string("ls -la")), ("cwd", .string("/home/dev/p"))])
        #expect(try JSONParser.parse(output.stdout) == JSONValue.object([("permission", .string("allow"))]))
    }

    @Test func readsTheStringEncodedMCPInput() throws {
        let codec = CursorCodec(event: .beforeMCPExecution)
        let call = try codec.decodeCall(payload(.beforeMCPExecution, [
            ("tool_name", .string("fetch")), ("tool_input", .string(#"{"url":"http://169.254.169.254/latest/meta-data"}"#)),
            ("tool_use_id", .string("t2")), ("mcp_server_name", .string("web")), ("command", .string("npx web-mcp")),
        ]))
        #expect(call.kind == .mcp && call.toolName == "mcp__web__fetch" && call.mcpServer == "web")
        #expect(call.input["url"] == .string("http://169.254.169.254/latest/meta-data"))
        let output = run(.beforeMCPExecution, [
            ("tool_name", .string("fetch")), ("tool_input", .string(#"{"url":"http://169.254.169.254/x"}"#)),
            ("mcp_server_name", .string("web")),
        ])
        #expect(try JSONParser.parse(output.stdout)["permission"] == .string("deny"))
    }

    @Test func aReadCannotBeAskedSoItIsDenied() throws {
        let call = ToolCall(host: CursorCodec.hostID, toolName: "Read", kind: .read, path: "/x")
        let decision = Decision(verdict: .ask, reason: "r", policyIDs: ["p"], id: DecisionID(rawValue: "gh_2"))
        let read = try JSONParser.parse(CursorCodec(event: .beforeReadFile).encodePre(decision, enforced: .ask, call: call).stdout)
        #expect(read["permission"] == .string("deny"))
        #expect(read["agent_message"]?.stringValue?.contains("a person must approve") == true)
        let shell = try JSONParser.parse(CursorCodec(event: .beforeShellExecution).encodePre(decision, enforced: .ask, call: call).stdout)
        #expect(shell["permission"] == .string("ask"))
        let blocked = run(.beforeReadFile, [("file_path", .string("/home/dev/.aws/credentials")), ("content", .string("x"))])
        #expect(try JSONParser.parse(blocked.stdout)["permission"] == .string("deny"))
    }

    @Test func preToolUseMapsCursorToolNames() throws {
        let codec = CursorCodec(event: .preToolUse)
        let shell = try codec.decodeCall(payload(.preToolUse, [
            ("tool_name", .string("Shell")), ("tool_input", .object([("command", .string("ls"))])), ("cwd", .string("/w")),
        ]))
        #expect(shell.kind == .shell && shell.command == "ls" && shell.cwd == "/w")
        let mcp = try codec.decodeCall(payload(.preToolUse, [("tool_name", .string("MCP:query")), ("tool_input", .object([]))]))
        #expect(mcp.kind == .mcp && mcp.mcpTool == "query")
    }

    @Test func afterFileEditReallyAuditsAndScansTheEdit() throws {
        let sink = MemoryAuditSink()
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
        let output = run(.afterFileEdit, [
            ("file_path", .string("/home/dev/.ssh/id_ed25519")),
            ("edits", .array([.object([("old_string", .string("")), ("new_string", .string(key))])])),
        ], sink: sink)
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(record.verdict == .deny && record.enforced == .allow)
        #expect(record.policyIDs.first == "builtin.secrets.ssh-private-key")
        #expect(!record.findings.isEmpty)
        #expect(output.stdout.isEmpty && output.stderr.contains(record.decisionID.rawValue))
    }

    @Test func outputRedactionIsAWarningBecauseCursorCannotReplaceOutput() throws {
        let sink = MemoryAuditSink()
        let secret = "AKIA" + "QWERTYUIOPASDFGH"
        let output = run(.postToolUse, [
            ("tool_name", .string("Shell")), ("tool_input", .object([("command", .string("env"))])),
            ("tool_output", .string("AWS=\(secret)")), ("duration", .int(5)),
        ], sink: sink)
        let context = try #require(try JSONParser.parse(output.stdout)["additional_context"]?.stringValue)
        #expect(context.contains("aws_access_key") && !context.contains(secret))
        #expect(sink.records.map(\.verdict) == [.redact] && sink.records.map(\.enforced) == [.allow])
        let after = run(.afterShellExecution, [("command", .string("env")), ("output", .string("AWS=\(secret)"))])
        #expect(after.stdout.isEmpty && !after.stderr.contains(secret))
    }

    @Test func unreadableInputIsDeniedBeforeAndIgnoredAfter() throws {
        let before = run(.beforeShellExecution, [])
        #expect(try JSONParser.parse(before.stdout)["permission"] == .string("deny"))
        let after = run(.afterShellExecution, [])
        #expect(after.stdout.isEmpty && after.exitCode == 0)
    }
}
