/// The OpenAI Codex CLI hook contract (PreToolUse / PostToolUse, JSON on stdin).
/// Shell calls arrive as `Bash`, file edits as `apply_patch` (the patch text in
/// `tool_input.command`), MCP tools as `mcp__<server>__<tool>`.
public struct CodexCodec: HostCodec {
    public static let hostID = HostID(rawValue: "codex")
    public var host: HostID { Self.hostID }
    public static let patchTool = "apply_patch"

    public init() {}

    public func decodeCall(_ payload: JSONValue) throws(HookInputError) -> ToolCall {
        try decodeCalls(payload)[0]
    }

    public func decodeCalls(_ payload: JSONValue) throws(HookInputError) -> [ToolCall] {
        guard payload.objectMembers != nil else { throw HookInputError("the hook input is not a JSON object") }
        guard let toolName = payload["tool_name"]?.stringValue, !toolName.isEmpty else {
            throw HookInputError("the hook input has no tool_name")
        }
        let input = payload["tool_input"] ?? .object([])
        guard input.objectMembers != nil else { throw HookInputError("tool_input of \(toolName) is not an object") }
        let base = ToolCall(
            host: host, toolName: toolName, kind: .other, input: input,
            cwd: payload["cwd"]?.stringValue, sessionID: payload["session_id"]?.stringValue)
        switch toolName {
        case Self.patchTool:
            guard let patch = input["command"]?.stringValue ?? input["patch"]?.stringValue ?? input["input"]?.stringValue else {
                throw HookInputError("apply_patch input has no patch text")
            }
            let changes: [PatchFileChange]
            do { changes = try ApplyPatch.parse(patch) } catch { throw HookInputError(error.description) }
            return changes.flatMap { Self.calls(for: $0, base: base) }
        case "Bash", "exec_command", "shell", "local_shell", "unified_exec":
            var call = base
            call.kind = .shell
            call.command = try Self.command(in: input, tool: toolName)
            return [call]
        default:
            var call = base
            try ClaudeCodec.fill(&call, from: input)
            return [call]
        }
    }

    /// A patch section becomes a write (new file, move destination) or an edit,
    /// so file policies apply exactly as to Write and Edit.
    static func calls(for change: PatchFileChange, base: ToolCall) -> [ToolCall] {
        var call = base
        call.path = change.path
        call.content = change.addedText
        switch change.operation {
        case .add:
            call.kind = .write
        case .update:
            call.kind = .edit
            call.edits = [FileEdit(oldText: change.removedText, newText: change.addedText)]
        case .delete:
            call.kind = .edit
            call.edits = [FileEdit(oldText: "", newText: "")]
        }
        guard let destination = change.moveTo else { return [call] }
        var moved = call
        moved.kind = .write
        moved.path = destination
        moved.edits = []
        return [call, moved]
    }

    /// Codex sends a shell string; older builds sent an argv array, which is
    /// re-quoted so the shell analyzer sees the same words.
    static func command(in input: JSONValue, tool: String) throws(HookInputError) -> String {
        if let text = input["command"]?.stringValue { return text }
        if let argv = input["command"]?.arrayValue ?? input["cmd"]?.arrayValue {
            let words = argv.compactMap(\.stringValue)
            guard words.count == argv.count, !words.isEmpty else { throw HookInputError("\(tool) command is not a list of strings") }
            return words.map(Self.shellQuoted).joined(separator: " ")
        }
        if let text = input["cmd"]?.stringValue { return text }
        throw HookInputError("\(tool) input has no command")
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x3D || byte == 0x3A
        }
        if plain { return word }
        var quoted = "'"
        for character in word { quoted += character == "'" ? "'\\''" : String(character) }
        return quoted + "'"
    }

    public func decodeResult(_ payload: JSONValue, event: HookEvent) throws(HookInputError) -> ToolResult {
        let call = try decodeCall(payload)
        guard let response = payload["tool_response"] else { throw HookInputError("the hook input has no tool_response") }
        return ToolResult(call: call, response: response, failed: event == .postToolUseFailure)
    }

    /// Codex treats a PreToolUse `ask` as a failed hook and runs the call, so an
    /// ask is enforced as a block that says a person must approve.
    public func encodePre(_ decision: Decision, enforced: Verdict, call: ToolCall) -> HookOutput {
        switch enforced {
        case .allow, .redact:
            return HookOutput()
        case .deny:
            return HookOutput(stderr: DecisionMessage.text(for: decision, tool: call.toolName) + "\n", exitCode: 2)
        case .ask:
            return HookOutput(stderr: Self.approvalMessage(decision, tool: call.toolName) + "\n", exitCode: 2)
        }
    }

    static func approvalMessage(_ decision: Decision, tool: String) -> String {
        let facts = "(policy \(decision.primaryPolicyID ?? "none"), risk \(decision.risk.rawValue), decision \(decision.id))"
        return "Gatehouse blocked \(tool) until a person approves it: \(decision.reason) \(facts). "
            + "Codex cannot ask for approval from a hook, so a person must approve this call: show the user the "
            + "command and the decision id, and let them run it or change the policy. Do not retry another way."
    }

    /// Codex replaces the tool result with the `reason` of a PostToolUse
    /// `decision: block`, so the model receives the redacted output instead.
    public func encodePost(_ decision: Decision, redacted: JSONValue?, result: ToolResult) -> HookOutput {
        guard let redacted else { return HookOutput() }
        let note = DecisionMessage.text(for: decision, tool: result.call.toolName)
        let body = redacted.stringValue ?? redacted.jsonText
        let output = JSONValue.object([
            ("decision", .string("block")),
            ("reason", .string(note + "\nRedacted output:\n" + body)),
        ])
        return HookOutput(stdout: output.jsonText + "\n")
    }

    public func encodeFailure(_ event: HookEvent, message: String) -> HookOutput {
        switch event {
        case .preToolUse: HookOutput(stderr: message + "\n", exitCode: 2)
        case .postToolUse, .postToolUseFailure: HookOutput(stderr: message + "\n")
        }
    }
}
