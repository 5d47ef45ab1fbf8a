/// Claude Code's hook contract (PreToolUse / PostToolUse, JSON on stdin).
public struct ClaudeCodec: HostCodec {
    public static let hostID = HostID(rawValue: "claude")
    public var host: HostID { Self.hostID }

    public init() {}

    public func decodeCall(_ payload: JSONValue) throws(HookInputError) -> ToolCall {
        guard payload.objectMembers != nil else { throw HookInputError("the hook input is not a JSON object") }
        guard let toolName = payload["tool_name"]?.stringValue, !toolName.isEmpty else {
            throw HookInputError("the hook input has no tool_name")
        }
        let input = payload["tool_input"] ?? .object([])
        guard input.objectMembers != nil else { throw HookInputError("tool_input of \(toolName) is not an object") }
        var call = ToolCall(
            host: host, toolName: toolName, kind: .other, input: input,
            cwd: payload["cwd"]?.stringValue, sessionID: payload["session_id"]?.stringValue)
        try ClaudeCodec.fill(&call, from: input)
        return call
    }

    public func decodeResult(_ payload: JSONValue, event: HookEvent) throws(HookInputError) -> ToolResult {
        let call = try decodeCall(payload)
        if event == .postToolUseFailure {
            // PostToolUseFailure carries the failure text, not a tool_response.
            return ToolResult(call: call, response: payload["error"] ?? .string(""), failed: true)
        }
        guard let response = payload["tool_response"] else { throw HookInputError("the hook input has no tool_response") }
        return ToolResult(call: call, response: response)
    }

    /// Maps Claude's tool names onto kinds and fields.
    static func fill(_ call: inout ToolCall, from input: JSONValue) throws(HookInputError) {
        let name = call.toolName
        func string(_ key: String) -> String? { input[key]?.stringValue }
        switch name {
        case "Bash", "PowerShell":
            guard let command = string("command") else { throw HookInputError("\(name) input has no command") }
            call.kind = .shell
            call.command = command
        case "Write":
            call.kind = .write
            call.path = string("file_path")
            call.content = string("content") ?? ""
        case "Edit":
            call.kind = .edit
            call.path = string("file_path")
            let edit = FileEdit(oldText: string("old_string") ?? "", newText: string("new_string") ?? "")
            call.edits = [edit]
            call.content = edit.newText
        case "MultiEdit":
            call.kind = .edit
            call.path = string("file_path")
            call.edits = (input["edits"]?.arrayValue ?? []).map {
                FileEdit(oldText: $0["old_string"]?.stringValue ?? "", newText: $0["new_string"]?.stringValue ?? "")
            }
            call.content = call.edits.map(\.newText).joined(separator: "\n")
        case "NotebookEdit":
            call.kind = .edit
            call.path = string("notebook_path")
            call.content = string("new_source") ?? ""
        case "Read":
            call.kind = .read
            call.path = string("file_path")
        case "WebFetch":
            call.kind = .web
            call.url = string("url")
        case "WebSearch":
            call.kind = .web
            call.url = string("query")
        default:
            if name.hasPrefix("mcp__") {
                call.kind = .mcp
                let parts = name.dropFirst(5).split(separator: "__", maxSplits: 1, omittingEmptySubsequences: false)
                call.mcpServer = parts.first.map(String.init)
                call.mcpTool = parts.count > 1 ? String(parts[1]) : nil
            }
        }
    }

    public func encodePre(_ decision: Decision, enforced: Verdict, call: ToolCall) -> HookOutput {
        switch enforced {
        case .allow, .redact:
            return HookOutput()
        case .deny, .ask:
            let output = JSONValue.object([
                ("hookSpecificOutput", .object([
                    ("hookEventName", .string("PreToolUse")),
                    ("permissionDecision", .string(enforced == .deny ? "deny" : "ask")),
                    ("permissionDecisionReason", .string(DecisionMessage.text(for: decision, tool: call.toolName))),
                ])),
            ])
            return HookOutput(stdout: output.jsonText + "\n")
        }
    }

    public func encodePost(_ decision: Decision, redacted: JSONValue?, result: ToolResult) -> HookOutput {
        guard let redacted else { return warningOnly(decision, result: result) }
        if result.failed {
            // Claude Code offers no replacement for a failed call's output: warn instead.
            let types = Set(decision.findings.map(\.type)).sorted().joined(separator: ", ")
            let warning = "Gatehouse found \(types) in this failed \(result.call.toolName) output and could not remove "
                + "them from it (decision \(decision.id)). Treat those values as secret: do not repeat, store or send them."
                + decision.warnings.map { "\n" + $0 }.joined()
            return HookOutput(stdout: JSONValue.object([
                ("hookSpecificOutput", .object([
                    ("hookEventName", .string("PostToolUseFailure")), ("additionalContext", .string(warning)),
                ])),
            ]).jsonText + "\n")
        }
        let note = DecisionMessage.text(for: decision, tool: result.call.toolName) + decision.warnings.map { "\n" + $0 }.joined()
        // `updatedToolOutput` replaces the result of built-in and MCP tools alike
        // (`updatedMCPToolOutput` is ignored for built-in tools); built-in tools
        // drop a replacement whose shape differs, so only strings are changed.
        let replacementKey = "updatedToolOutput"
        let output = JSONValue.object([
            ("hookSpecificOutput", .object([
                ("hookEventName", .string("PostToolUse")),
                (replacementKey, redacted),
                ("additionalContext", .string(note)),
            ])),
        ])
        return HookOutput(stdout: output.jsonText + "\n")
    }

    /// Output left unchanged but with something to tell the model (a
    /// prompt-injection warning) goes in `additionalContext`.
    func warningOnly(_ decision: Decision, result: ToolResult) -> HookOutput {
        guard !decision.warnings.isEmpty else { return HookOutput() }
        return HookOutput(stdout: JSONValue.object([
            ("hookSpecificOutput", .object([
                ("hookEventName", .string(result.failed ? "PostToolUseFailure" : "PostToolUse")),
                ("additionalContext", .string(decision.warnings.joined(separator: "\n"))),
            ])),
        ]).jsonText + "\n")
    }

    public func encodeFailure(_ event: HookEvent, message: String) -> HookOutput {
        switch event {
        case .preToolUse:
            let output = JSONValue.object([
                ("hookSpecificOutput", .object([
                    ("hookEventName", .string("PreToolUse")),
                    ("permissionDecision", .string("deny")),
                    ("permissionDecisionReason", .string(message)),
                ])),
            ])
            return HookOutput(stdout: output.jsonText + "\n", stderr: message + "\n")
        case .postToolUse, .postToolUseFailure:
            return HookOutput(stderr: message + "\n")
        }
    }
}
