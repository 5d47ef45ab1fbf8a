import Testing
@testable import HookCore

@Suite struct ClaudeCodecTests {
    let codec = ClaudeCodec()

    func payload(_ tool: String, _ input: String, extra: String = "") throws -> JSONValue {
        try JSONParser.parse("""
            {"session_id":"s1","transcript_path":"/t.jsonl","cwd":"/w","permission_mode":"default",
             "hook_event_name":"PreToolUse","tool_name":"\(tool)","tool_input":\(input),"tool_use_id":"toolu_1",
             "future_field":{"nested":[1,2]}\(extra)}
            """)
    }

    @Test func decodesBashToleratingUnknownFields() throws {
        let call = try codec.decodeCall(payload("Bash", #"{"command":"npm test","description":"Run","timeout":120000}"#))
        #expect(call.kind == .shell)
        #expect(call.command == "npm test")
        #expect(call.cwd == "/w")
        #expect(call.sessionID == "s1")
        #expect(call.host == ClaudeCodec.hostID)
    }

    @Test func decodesFileTools() throws {
        let write = try codec.decodeCall(payload("Write", #"{"file_path":"/w/a.txt","content":"hi"}"#))
        #expect(write.kind == .write && write.path == "/w/a.txt" && write.content == "hi")
        let edit = try codec.decodeCall(payload("Edit", #"{"file_path":"/w/a","old_string":"x","new_string":"y","replace_all":false}"#))
        #expect(edit.kind == .edit && edit.edits == [FileEdit(oldText: "x", newText: "y")] && edit.content == "y")
        let notebook = try codec.decodeCall(payload("NotebookEdit", #"{"notebook_path":"/w/n.ipynb","new_source":"print(1)"}"#))
        #expect(notebook.kind == .edit && notebook.path == "/w/n.ipynb")
        let read = try codec.decodeCall(payload("Read", #"{"file_path":"/w/r"}"#))
        #expect(read.kind == .read)
    }

    @Test func decodesMCPToolNames() throws {
        let call = try codec.decodeCall(payload("mcp__postgres__query", #"{"sql":"select 1"}"#))
        #expect(call.kind == .mcp && call.mcpServer == "postgres" && call.mcpTool == "query")
        #expect(call.input["sql"] == .string("select 1"))
    }

    @Test func rejectsPayloadsItCannotGovern() throws {
        #expect(throws: HookInputError.self) { try codec.decodeCall(.array([])) }
        #expect(throws: HookInputError.self) { try codec.decodeCall(JSONParser.parse(#"{"tool_input":{}}"#)) }
        #expect(throws: HookInputError.self) { try codec.decodeCall(payload("Bash", #"{"description":"no command"}"#)) }
        #expect(throws: HookInputError.self) { try codec.decodeCall(payload("Bash", #""rm -rf /""#)) }
    }

    @Test func encodesDenyAskAndAllow() throws {
        let call = ToolCall(host: ClaudeCodec.hostID, toolName: "Bash", kind: .shell, command: "rm -rf ~")
        let decision = Decision(
            verdict: .deny, reason: "recursive delete of the home directory", policyIDs: ["builtin.shell.rm-home"],
            risk: .critical, id: DecisionID(rawValue: "gh_abc"), guidance: "Do not retry another way; ask the user.")
        let deny = codec.encodePre(decision, enforced: .deny, call: call)
        #expect(deny.exitCode == 0)
        let json = try JSONParser.parse(deny.stdout)
        #expect(json["hookSpecificOutput"]?["hookEventName"] == .string("PreToolUse"))
        #expect(json["hookSpecificOutput"]?["permissionDecision"] == .string("deny"))
        #expect(json["hookSpecificOutput"]?["permissionDecisionReason"] == .string(
            "Gatehouse blocked Bash: recursive delete of the home directory (policy builtin.shell.rm-home, "
                + "risk critical, decision gh_abc). Do not retry another way; ask the user."))

        let ask = try JSONParser.parse(codec.encodePre(decision, enforced: .ask, call: call).stdout)
        #expect(ask["hookSpecificOutput"]?["permissionDecision"] == .string("ask"))

        #expect(codec.encodePre(decision, enforced: .allow, call: call) == HookOutput())
    }

    @Test func encodesRedactionAsAReplacementOfTheSameShape() throws {
        let call = ToolCall(host: ClaudeCodec.hostID, toolName: "Bash", kind: .shell, command: "env")
        let redacted = JSONValue.object([("stdout", .string("[REDACTED:email]")), ("stderr", .string(""))])
        let decision = Decision(verdict: .redact, reason: "r", policyIDs: ["builtin.output.redact"], id: DecisionID(rawValue: "gh_x"))
        let output = codec.encodePost(decision, redacted: redacted, result: ToolResult(call: call, response: .object([])))
        let json = try JSONParser.parse(output.stdout)
        #expect(json["hookSpecificOutput"]?["hookEventName"] == .string("PostToolUse"))
        #expect(json["hookSpecificOutput"]?["updatedToolOutput"] == redacted)
        #expect(json["hookSpecificOutput"]?["additionalContext"]?.stringValue?.contains("gh_x") == true)
        #expect(codec.encodePost(decision, redacted: nil, result: ToolResult(call: call, response: .null)) == HookOutput())
    }
}
