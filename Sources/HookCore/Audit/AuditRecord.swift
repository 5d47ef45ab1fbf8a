/// One line of the audit trail. It holds what is needed to explain a decision
/// later (who, what, which rules, why) and a SHA-256 of the full input to tie
/// it to evidence, but never a raw secret: the summary is redacted first.
public struct AuditRecord: Sendable {
    public var timestamp: String
    public var decisionID: DecisionID
    public var host: HostID
    public var event: String
    public var tool: String
    public var kind: ToolKind
    public var verdict: Verdict
    /// The verdict the host was given; differs from `verdict` in observe mode.
    public var enforced: Verdict
    public var policyIDs: [String]
    public var risk: RiskLevel
    public var reason: String
    public var summary: String
    public var inputSHA256: String
    public var findings: [Finding]
    public var sessionID: String?
    public var cwd: String?
    public var mode: EnforcementMode
    /// Layer and file:line of each matched policy, in `policyIDs` order.
    public var policySources: [String] = []

    public static let summaryLimit = 240

    public var json: JSONValue {
        .object([
            ("ts", .string(timestamp)),
            ("decision_id", .string(decisionID.rawValue)),
            ("version", .string(Gatehouse.version)),
            ("host", .string(host.rawValue)),
            ("event", .string(event)),
            ("tool", .string(tool)),
            ("kind", .string(kind.rawValue)),
            ("verdict", .string(verdict.rawValue)),
            ("enforced", .string(enforced.rawValue)),
            ("mode", .string(mode.rawValue)),
            ("policies", .array(policyIDs.map(JSONValue.string))),
            ("policy_sources", policySources.isEmpty ? nil : .array(policySources.map(JSONValue.string))),
            ("risk", .string(risk.rawValue)),
            ("reason", reason.isEmpty ? nil : .string(reason)),
            ("summary", .string(summary)),
            ("input_sha256", .string(inputSHA256)),
            ("findings", findings.isEmpty ? nil : .array(findings.map { finding in
                .object([
                    ("type", .string(finding.type)), ("path", .string(finding.path)),
                    ("start", .int(finding.start)), ("end", .int(finding.end)),
                ])
            })),
            ("session_id", sessionID.map(JSONValue.string)),
            ("cwd", cwd.map(JSONValue.string)),
        ])
    }

    /// A short, redacted, single-line description of the call for the record.
    public static func summary(of call: ToolCall, redactor: Redactor) -> String {
        let raw: String
        switch call.kind {
        case .shell: raw = call.command ?? ""
        case .write, .edit, .read: raw = call.path ?? ""
        case .mcp: raw = (call.mcpServer ?? "") + "/" + (call.mcpTool ?? call.toolName) + " " + call.input.jsonText
        case .web: raw = call.url ?? call.input.jsonText
        case .other: raw = call.input.jsonText
        }
        return truncate(redactor.redact(raw).text)
    }

    static func truncate(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == summaryLimit { return out + "…" }
            out.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
            count += 1
        }
        return out
    }
}
