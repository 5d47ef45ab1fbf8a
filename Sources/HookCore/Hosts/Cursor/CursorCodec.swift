/// Cursor's hook contract: one event per moment, JSON on stdin, and for the
/// permission events `{"permission", "user_message", "agent_message"}` on stdout.
/// Cursor lets no hook replace a tool's output, so redaction after a call is a
/// warning to the agent plus an audit record, never a silent claim.
public struct CursorCodec: HostCodec {
    public static let hostID = HostID(rawValue: "cursor")
    public var host: HostID { Self.hostID }
    public var event: CursorEvent
    public var replacesToolOutput: Bool { false }

    public init(event: CursorEvent) { self.event = event }

    public func decodeCall(_ payload: JSONValue) throws(HookInputError) -> ToolCall {
        guard payload.objectMembers != nil else { throw HookInputError("the hook input is not a JSON object") }
        var call = ToolCall(
            host: host, toolName: "unknown", kind: .other,
            cwd: payload["cwd"]?.stringValue ?? payload["workspace_roots"]?.arrayValue?.first?.stringValue,
            sessionID: payload["conversation_id"]?.stringValue ?? payload["session_id"]?.stringValue)
        func string(_ key: String) -> String? { payload[key]?.stringValue }
        switch event {
        case .beforeShellExecution, .afterShellExecution:
            guard let command = string("command") else { throw HookInputError("\(event.rawValue) input has no command") }
            call.toolName = "Shell"
            call.kind = .shell
            call.command = command
            call.input = .object([("command", .string(command))])
        case .beforeMCPExecution, .afterMCPExecution:
            guard let tool = string("tool_name"), !tool.isEmpty else { throw HookInputError("\(event.rawValue) input has no tool_name") }
            let arguments = try Self.mcpArguments(payload["tool_input"], tool: tool)
            Self.fillMCP(&call, tool: tool, server: string("mcp_server_name"), arguments: arguments)
        case .beforeReadFile:
            guard let path = string("file_path") else { throw HookInputError("beforeReadFile input has no file_path") }
            call.toolName = "Read"
            call.kind = .read
            call.path = path
            call.input = .object([("file_path", .string(path))])
        case .afterFileEdit:
            guard let path = string("file_path") else { throw HookInputError("afterFileEdit input has no file_path") }
            call.toolName = "Write"
            call.kind = .edit
            call.path = path
            call.edits = (payload["edits"]?.arrayValue ?? []).map {
                FileEdit(oldText: $0["old_string"]?.stringValue ?? "", newText: $0["new_string"]?.stringValue ?? "")
            }
            call.content = call.edits.map(\.newText).joined(separator: "\n")
            call.input = .object([("file_path", .string(path))])
        case .preToolUse, .postToolUse:
            guard let tool = string("tool_name"), !tool.isEmpty else { throw HookInputError("\(event.rawValue) input has no tool_name") }
            let input = payload["tool_input"] ?? .object([])
            guard input.objectMembers != nil else { throw HookInputError("tool_input of \(tool) is not an object") }
            call.toolName = tool
            call.input = input
            try Self.fillTool(&call, from: input)
        }
        return call
    }

    /// beforeMCPExecution sends the arguments as a JSON string; preToolUse and
    /// newer builds send an object. Both are read; a string that is not JSON
    /// stays a string (it is still scanned).
    static func mcpArguments(_ value: JSONValue?, tool: String) throws(HookInputError) -> JSONValue {
        guard let value else { return .object([]) }
        if let text = value.stringValue {
            if text.isEmpty { return .object([]) }
            return (try? JSONParser.parse(text)) ?? .string(text)
        }
        return value
    }

    static func fillMCP(_ call: inout ToolCall, tool: String, server: String?, arguments: JSONValue) {
        call.kind = .mcp
        call.mcpServer = server
        call.mcpTool = tool
        // The host-neutral name policies are written against (`mcp__server__tool`).
        call.toolName = "mcp__\(server ?? "cursor")__\(tool)"
        call.input = arguments
    }

    /// Cursor's generic tool names (Shell, Read, Write, MCP:<tool>, …).
    static func fillTool(_ call: inout ToolCall, from input: JSONValue) throws(HookInputError) {
        func string(_ keys: String...) -> String? {
            for key in keys { if let value = input[key]?.stringValue { return value } }
            return nil
        }
        let name = call.toolName
        switch name {
        case "Shell", "Bash", "run_terminal_cmd":
            guard let command = string("command") else { throw HookInputError("\(name) input has no command") }
            call.kind = .shell
            call.command = command
        case "Read", "read_file":
            call.kind = .read
            call.path = string("file_path", "path", "target_file")
        case "Write", "Edit", "edit_file", "write":
            call.kind = .write
            call.path = string("file_path", "path", "target_file")
            call.content = string("content", "contents", "new_string", "code_edit") ?? ""
        default:
            if name.hasPrefix("MCP:") {
                fillMCP(&call, tool: String(name.dropFirst(4)), server: string("server", "mcp_server_name"), arguments: input)
            } else {
                try ClaudeCodec.fill(&call, from: input)
            }
        }
    }

    public func decodeResult(_ payload: JSONValue, event hookEvent: HookEvent) throws(HookInputError) -> ToolResult {
        let call = try decodeCall(payload)
        switch event {
        case .afterShellExecution:
            return ToolResult(call: call, response: payload["output"] ?? .string(""))
        case .afterMCPExecution:
            let response = payload["result_json"] ?? payload["tool_output"] ?? payload["result"] ?? .string("")
            return ToolResult(call: call, response: response)
        case .afterFileEdit:
            // The edit is already on disk: scan what it added and check it against policy, for the record.
            return ToolResult(call: call, response: .string(call.content ?? ""), evaluatesCall: true)
        case .postToolUse:
            return ToolResult(call: call, response: payload["tool_output"] ?? .string(""))
        default:
            throw HookInputError("\(event.rawValue) is not an after-call event")
        }
    }

    public func encodePre(_ decision: Decision, enforced: Verdict, call: ToolCall) -> HookOutput {
        switch enforced {
        case .allow, .redact:
            return HookOutput(stdout: #"{"permission":"allow"}"# + "\n")
        case .deny, .ask:
            let asks = enforced == .ask && event.canAsk
            var text = DecisionMessage.text(for: decision, tool: call.toolName)
            if enforced == .ask, !asks {
                text = "Gatehouse blocked \(call.toolName) until a person approves it: \(decision.reason) "
                    + "(policy \(decision.primaryPolicyID ?? "none"), risk \(decision.risk.rawValue), decision \(decision.id)). "
                    + "Cursor cannot ask before a file read, so a person must approve this read."
            }
            return HookOutput(stdout: Self.permission(asks ? "ask" : "deny", message: text).jsonText + "\n")
        }
    }

    static func permission(_ value: String, message: String) -> JSONValue {
        .object([("permission", .string(value)), ("user_message", .string(message)), ("agent_message", .string(message))])
    }

    public func encodePost(_ decision: Decision, redacted: JSONValue?, result: ToolResult) -> HookOutput {
        switch decision.verdict {
        case .allow:
            return HookOutput()
        case .redact:
            let types = Set(decision.findings.map(\.type)).sorted().joined(separator: ", ")
            let warning = "Gatehouse found \(types) in this \(result.call.toolName) output (decision \(decision.id)). "
                + "Cursor does not let hooks remove it from what you received: treat those values as secret and "
                + "do not repeat, store or send them."
            guard event == .postToolUse else { return HookOutput(stderr: warning + "\n") }
            return HookOutput(stdout: JSONValue.object([("additional_context", .string(warning))]).jsonText + "\n")
        case .deny, .ask:
            // Only an after-the-fact edit gets a policy verdict here: it is recorded, and said.
            let text = "Gatehouse: this edit breaks policy and is already on disk: "
                + DecisionMessage.text(for: decision, tool: result.call.toolName)
            return HookOutput(stderr: text + "\n")
        }
    }

    /// Unreadable input before a call is denied in Cursor's own format (Cursor
    /// also denies on unparseable output, but saying why is better).
    public func encodeFailure(_ event: HookEvent, message: String) -> HookOutput {
        switch event {
        case .preToolUse:
            HookOutput(stdout: Self.permission("deny", message: message).jsonText + "\n", stderr: message + "\n")
        case .postToolUse, .postToolUseFailure:
            HookOutput(stderr: message + "\n")
        }
    }
}
