import Testing
@testable import HookCore

@Suite struct CodexCodecTests {
    let codec = CodexCodec()

    /// A payload shaped as Codex 0.163 sends it.
    func payload(_ tool: String, _ input: JSONValue, response: JSONValue? = nil) -> JSONValue {
        .object([
            ("session_id", .string("019a")), ("transcript_path", .null), ("cwd", .string("/home/dev/p")),
            ("hook_event_name", .string(response == nil ? "PreToolUse" : "PostToolUse")), ("model", .string("gpt-x")),
            ("permission_mode", .string("default")), ("turn_id", .string("t1")), ("tool_name", .string(tool)),
            ("tool_use_id", .string("call_1")), ("tool_input", input), ("tool_response", response),
        ])
    }

    @Test func decodesShellAndMCP() throws {
        let bash = try codec.decodeCall(payload("Bash", .object([("command", .string("cat ~/.aws/credentials"))])))
        #expect(bash.kind == .shell && bash.command == "cat ~/.aws/credentials" && bash.host == CodexCodec.hostID)
        #expect(bash.cwd == "/home/dev/p" && bash.sessionID == "019a")
        let argv = try codec.decodeCall(payload("exec_command", .object([("command", .array(["bash", "-lc", "rm -rf ~"].map(JSONValue.string)))])))
        #expect(argv.command == "bash -lc 'rm -rf ~'")
        let mcp = try codec.decodeCall(payload("mcp__db__query", .object([("sql", .string("select 1"))])))
        #expect(mcp.kind == .mcp && mcp.mcpServer == "db" && mcp.mcpTool == "query")
    }

    @Test func governsEveryFileOfAPatch() throws {
        let patch = "*** Begin Patch\n*** Update File: a.txt\n-x\n+y\n*** Add File: ~/.ssh/id_ed25519\n+-----BEGIN OPENSSH PRIVATE KEY-----\n*** End Patch\n"
        let calls = try codec.decodeCalls(payload("apply_patch", .object([("command", .string(patch))])))
        #expect(calls.map(\.kind) == [.edit, .write])
        #expect(calls.map(\.path) == ["a.txt", "~/.ssh/id_ed25519"])
        #expect(calls[0].edits == [FileEdit(oldText: "x", newText: "y")])
        #expect(calls.allSatisfy { $0.toolName == "apply_patch" })
    }

    @Test func aPatchWritingAPrivateKeyIsBlockedWithExitTwo() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: codec, configuration: HookConfiguration(environment: ["HOME": "/home/dev"]), audit: sink)
        let patch = "*** Begin Patch\n*** Add File: README.md\n+hello\n*** Add File: /home/dev/.ssh/id_rsa\n+-----BEGIN RSA PRIVATE KEY-----\n*** End Patch"
        let output = runner.run(.preToolUse, input: Array(payload("apply_patch", .object([("command", .string(patch))])).jsonText.utf8))
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(output.exitCode == 2 && output.stdout.isEmpty)
        #expect(output.stderr.contains("Gatehouse blocked apply_patch") && output.stderr.contains(record.decisionID.rawValue))
        #expect(record.policyIDs.first == "builtin.secrets.ssh-private-key")
    }

    @Test func anUnreadablePatchIsBlocked() {
        let runner = HookRunner(codec: codec, configuration: HookConfiguration(environment: [:]), audit: MemoryAuditSink())
        let output = runner.run(.preToolUse, input: Array(payload("apply_patch", .object([("command", .string("garbage"))])).jsonText.utf8))
        #expect(output.exitCode == 2 && output.stderr.contains("apply_patch line 1"))
    }

    @Test func askBecomesABlockSayingAPersonMustApprove() {
        let call = ToolCall(host: CodexCodec.hostID, toolName: "Bash", kind: .shell, command: "x")
        let decision = Decision(verdict: .ask, reason: "unclear", policyIDs: ["p"], risk: .high, id: DecisionID(rawValue: "gh_1"))
        let output = codec.encodePre(decision, enforced: .ask, call: call)
        #expect(output.exitCode == 2 && output.stdout.isEmpty)
        #expect(output.stderr.contains("a person must approve") && output.stderr.contains("gh_1"))
        #expect(codec.encodePre(decision, enforced: .allow, call: call) == HookOutput())
    }

    @Test func redactionReplacesTheResultThroughABlockReason() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: codec, configuration: HookConfiguration(environment: [:]), audit: sink)
        let secret = "AKIA" + "QWERTYUIOPASDFGH"
        let input = payload("Bash", .object([("command", .string("cat f"))]), response: .string("key=\(secret)\n"))
        let output = runner.run(.postToolUse, input: Array(input.jsonText.utf8))
        let json = try JSONParser.parse(output.stdout)
        #expect(json["decision"] == .string("block"))
        let reason = try #require(json["reason"]?.stringValue)
        #expect(reason.contains("[REDACTED:aws_access_key]") && !reason.contains(secret))
        #expect(sink.records.map(\.enforced) == [.redact])
    }

    @Test func failurePostureBlocksBeforeAndPassesAfter() {
        #expect(codec.encodeFailure(.preToolUse, message: "m").exitCode == 2)
        #expect(codec.encodeFailure(.postToolUse, message: "m") == HookOutput(stderr: "m\n"))
    }
}
