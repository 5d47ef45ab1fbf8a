public enum Verdict: String, Sendable, Comparable, CaseIterable {
    case allow, redact, ask, deny

    /// Strictness order: when several rules or sub-commands disagree, the
    /// strictest verdict wins.
    var strictness: Int {
        switch self {
        case .allow: 0
        case .redact: 1
        case .ask: 2
        case .deny: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.strictness < rhs.strictness }
}

public enum RiskLevel: String, Sendable, Comparable, CaseIterable {
    case low, medium, high, critical

    var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A detector hit. It says what was found and where, never the value itself.
public struct Finding: Sendable, Equatable {
    /// Detector type, e.g. `email`, `aws_access_key`; used in `[REDACTED:<type>]`.
    public var type: String
    /// Where in the input: a JSON path such as `stdout` or `content[2].text`,
    /// empty for a plain string.
    public var path: String
    /// UTF-8 byte offsets of the hit within that string.
    public var start: Int
    public var end: Int

    public init(type: String, path: String = "", start: Int, end: Int) {
        self.type = type
        self.path = path
        self.start = start
        self.end = end
    }
}

/// The outcome of evaluating one tool call (or one tool output).
public struct Decision: Sendable {
    public var verdict: Verdict
    /// Why, in words a person and a model can act on. Empty for a plain allow.
    public var reason: String
    /// Ids of every policy that matched, strictest first.
    public var policyIDs: [String]
    public var risk: RiskLevel
    public var id: DecisionID
    public var overridable: Bool
    public var findings: [Finding]
    /// What the agent should do next, from the deciding policy.
    public var guidance: String?
    /// Where each policy of `policyIDs` was written (layer, file:line), same order.
    public var policySources: [String] = []
    /// Notes for the model that change nothing (a prompt-injection warning on
    /// a tool output); hosts pass them as context.
    public var warnings: [String]

    public init(
        verdict: Verdict, reason: String = "", policyIDs: [String] = [], risk: RiskLevel = .low,
        id: DecisionID, overridable: Bool = false, findings: [Finding] = [], guidance: String? = nil,
        warnings: [String] = []
    ) {
        self.guidance = guidance
        self.warnings = warnings
        self.verdict = verdict
        self.reason = reason
        self.policyIDs = policyIDs
        self.risk = risk
        self.id = id
        self.overridable = overridable
        self.findings = findings
    }

    public var primaryPolicyID: String? { policyIDs.first }
}
