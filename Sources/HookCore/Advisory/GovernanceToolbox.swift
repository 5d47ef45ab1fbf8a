/// The advisory tools an agent can call through `gatehouse mcp`: ask before
/// acting, scan text, search the audit trail. They answer questions; the hooks
/// still enforce. Inputs and outputs are JSON so any transport can carry them.
public struct GovernanceToolbox: Sendable {
    public struct Tool: Sendable {
        public var name: String
        public var description: String
        /// JSON Schema of the arguments.
        public var inputSchema: JSONValue
    }

    /// A tool's answer: JSON text for the agent, and whether it is an error.
    public struct Answer: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public var engine: Engine
    public var auditLogPath: String
    public var mode: EnforcementMode
    /// Reads the audit log; injected so tests need no file.
    public var readAuditLog: @Sendable (String) -> [UInt8]?

    public init(
        engine: Engine, auditLogPath: String, mode: EnforcementMode,
        readAuditLog: @escaping @Sendable (String) -> [UInt8]? = { FileSystem.read($0) }
    ) {
        self.engine = engine
        self.auditLogPath = auditLogPath
        self.mode = mode
        self.readAuditLog = readAuditLog
    }

    public static let tools: [Tool] = [
        Tool(
            name: "check_policy",
            description: "Ask Gatehouse what it would decide for a tool call before making it. "
                + "Give tool_name (Bash, Write, Edit, Read, WebFetch, mcp__server__tool) and tool_input, "
                + "or just command for a shell command. Returns verdict (allow, ask, deny), reason, policies and risk.",
            inputSchema: schema(
                ["tool_name": ("string", "Tool name, e.g. Bash"), "tool_input": ("object", "The tool's input"),
                 "command": ("string", "Shortcut for a Bash call"), "cwd": ("string", "Working directory")],
                required: [])),
        Tool(
            name: "scan_text",
            description: "Find personal data and secrets in text. Returns the finding types and the text "
                + "with each finding replaced by [REDACTED:<type>]; raw values are never returned.",
            inputSchema: schema(["text": ("string", "Text to scan")], required: ["text"])),
        Tool(
            name: "audit_search",
            description: "Search the Gatehouse audit trail, newest first. Filter by decision_id, verdict "
                + "(allow, ask, deny, redact) or tool; limit defaults to 20.",
            inputSchema: schema(
                ["decision_id": ("string", "A decision id such as gh_..."), "verdict": ("string", "Verdict"),
                 "tool": ("string", "Tool name"), "limit": ("integer", "Maximum records")],
                required: [])),
        Tool(
            name: "list_policies",
            description: "List the policies in force: id, effect, risk and description.",
            inputSchema: schema([:], required: [])),
        Tool(
            name: "governance_status",
            description: "Gatehouse version, enforcement mode, policy count and where the audit trail is.",
            inputSchema: schema([:], required: [])),
    ]

    public func call(_ name: String, arguments: JSONValue) -> Answer {
        switch name {
        case "check_policy": return checkPolicy(arguments)
        case "scan_text": return scanText(arguments)
        case "audit_search": return auditSearch(arguments)
        case "list_policies": return listPolicies()
        case "governance_status": return status()
        default:
            return Answer(text: "unknown tool \(name); tools: " + Self.tools.map(\.name).joined(separator: ", "), isError: true)
        }
    }

    func checkPolicy(_ arguments: JSONValue) -> Answer {
        var toolName = arguments["tool_name"]?.stringValue
        var input = arguments["tool_input"] ?? .object([])
        if let command = arguments["command"]?.stringValue {
            toolName = toolName ?? "Bash"
            if input.objectMembers?.isEmpty ?? true { input = .object([("command", .string(command))]) }
        }
        guard let toolName else { return Answer(text: "give tool_name and tool_input, or command", isError: true) }
        let payload = JSONValue.object([
            ("hook_event_name", .string("PreToolUse")), ("tool_name", .string(toolName)), ("tool_input", input),
            ("cwd", arguments["cwd"]),
        ])
        let call: ToolCall
        do { call = try ClaudeCodec().decodeCall(payload) } catch { return Answer(text: error.description, isError: true) }
        let decision = engine.evaluate(call, id: DecisionID.generate(clock: .system))
        let body = JSONValue.object([
            ("verdict", .string(decision.verdict.rawValue)),
            ("reason", decision.reason.isEmpty ? nil : .string(decision.reason)),
            ("policies", .array(decision.policyIDs.map(JSONValue.string))),
            ("risk", .string(decision.risk.rawValue)),
            ("guidance", decision.guidance.map(JSONValue.string)),
            ("note", .string("Advisory: the Gatehouse hook decides again when the call is made.")),
        ])
        return Answer(text: body.prettyText(), isError: false)
    }

    func scanText(_ arguments: JSONValue) -> Answer {
        guard let text = arguments["text"]?.stringValue else { return Answer(text: "text is required", isError: true) }
        let (redacted, findings) = engine.redactor.redact(text)
        var types: [String] = []
        for finding in findings where !types.contains(finding.type) { types.append(finding.type) }
        let body = JSONValue.object([
            ("findings", .int(findings.count)), ("types", .array(types.map(JSONValue.string))),
            ("redacted", .string(redacted)),
        ])
        return Answer(text: body.prettyText(), isError: false)
    }

    func auditSearch(_ arguments: JSONValue) -> Answer {
        guard let bytes = readAuditLog(auditLogPath) else {
            return Answer(text: "no audit trail at \(auditLogPath) yet", isError: false)
        }
        let limit = arguments["limit"].flatMap { value -> Int? in
            if case let .number(text) = value { return Int(text) }
            return nil
        } ?? 20
        let wanted = [
            ("decision_id", arguments["decision_id"]?.stringValue), ("verdict", arguments["verdict"]?.stringValue),
            ("tool", arguments["tool"]?.stringValue),
        ].compactMap { key, value in value.map { (key, $0) } }
        var matches: [JSONValue] = []
        // Newest first; a torn line must not hide the rest of the trail.
        for line in bytes.split(separator: UInt8(ascii: "\n")).reversed() where matches.count < max(0, limit) {
            guard let record = try? JSONParser.parse(bytes: Array(line)) else { continue }
            if wanted.allSatisfy({ record[$0.0]?.stringValue == $0.1 }) { matches.append(record) }
        }
        return Answer(text: JSONValue.object([("records", .array(matches))]).prettyText(), isError: false)
    }

    func listPolicies() -> Answer {
        let rows = engine.policies.map { policy in
            JSONValue.object([
                ("id", .string(policy.id)), ("effect", .string(policy.effect.rawValue)),
                ("risk", .string(policy.risk.rawValue)), ("description", .string(policy.description)),
            ])
        }
        return Answer(text: JSONValue.object([("policies", .array(rows))]).prettyText(), isError: false)
    }

    func status() -> Answer {
        let body = JSONValue.object([
            ("version", .string(Gatehouse.version)), ("mode", .string(mode.rawValue)),
            ("policies", .int(engine.policies.count)), ("audit_log", .string(auditLogPath)),
            ("audit_log_present", .bool(readAuditLog(auditLogPath) != nil)),
        ])
        return Answer(text: body.prettyText(), isError: false)
    }

    static func schema(_ properties: [String: (String, String)], required: [String]) -> JSONValue {
        let members = properties.keys.sorted().map { key in
            (key: key, value: JSONValue.object([("type", .string(properties[key]!.0)), ("description", .string(properties[key]!.1))]))
        }
        return .object([
            ("type", .string("object")), ("properties", .object(members)),
            ("required", .array(required.map(JSONValue.string))),
        ])
    }
}
