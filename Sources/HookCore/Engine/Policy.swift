/// What a rule does when it matches.
public enum Effect: String, Sendable, CaseIterable {
    case allow, deny, ask, redact, log
}

/// What a subject does, in the policy language's words (`execute:shell`, ...).
public enum PolicyAction: String, Sendable, CaseIterable {
    case executeShell = "execute:shell"
    case writeFile = "write:file"
    case readFile = "read:file"
    case invokeMCP = "invoke:mcp"
    case readWebFetch = "read:web_fetch"
    case readWebSearch = "read:web_search"
    case other = "invoke:other"
}

/// The part of a subject a condition looks at.
public enum ConditionField: String, Sendable, CaseIterable {
    case resource, tool, host, cwd, content
}

/// One test on a field. Lists in the YAML form become several tests of which
/// any may match; separate fields must all match.
public enum ConditionTest: Sendable {
    case matches([Glob])
    case startsWith([String])
    case contains([String])
    case equals([String])
    /// A built-in detector by id; it sees the whole subject, not one field.
    case detector(String)
}

public struct Condition: Sendable {
    public var field: ConditionField
    public var test: ConditionTest
    /// `not:` in the YAML form: the condition holds when the test fails.
    public var negated: Bool
    public init(field: ConditionField, test: ConditionTest, negated: Bool = false) {
        self.field = field
        self.test = test
        self.negated = negated
    }
}

/// A policy rule: data, evaluated order-independently by the engine.
public struct Policy: Sendable {
    public var id: String
    public var description: String
    public var effect: Effect
    public var risk: RiskLevel
    public var reason: String
    /// Empty means every action.
    public var actions: Set<PolicyAction>
    /// All must hold.
    public var conditions: [Condition]
    /// What the agent should do next, appended to a deny or ask message.
    public var guidance: String?

    public init(
        id: String, description: String, effect: Effect, risk: RiskLevel, reason: String,
        actions: Set<PolicyAction>, conditions: [Condition], guidance: String? = nil
    ) {
        self.id = id
        self.description = description
        self.effect = effect
        self.risk = risk
        self.reason = reason
        self.actions = actions
        self.conditions = conditions
        self.guidance = guidance
    }
}
