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
    case readWebBrowse = "read:web_browse"
    case other = "invoke:other"
}

/// A set of actions as a bit mask: every rule has one, and a `Set` would cost
/// an allocation and hashing per rule at every hook start.
public struct PolicyActions: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var bits: UInt16

    public init() { bits = 0 }

    public init(arrayLiteral actions: PolicyAction...) {
        bits = 0
        for action in actions { insert(action) }
    }

    public init<S: Sequence>(_ actions: S) where S.Element == PolicyAction {
        bits = 0
        for action in actions { insert(action) }
    }

    public var isEmpty: Bool { bits == 0 }
    public var count: Int { bits.nonzeroBitCount }

    public func contains(_ action: PolicyAction) -> Bool { bits & (1 << UInt16(action.slot)) != 0 }

    @discardableResult
    public mutating func insert(_ action: PolicyAction) -> Bool {
        let had = contains(action)
        bits |= 1 << UInt16(action.slot)
        return !had
    }

    /// In `PolicyAction.allCases` order, straight off the bits (no array).
    public struct Iterator: IteratorProtocol {
        var bits: UInt16
        public mutating func next() -> PolicyAction? {
            guard bits != 0 else { return nil }
            let slot = bits.trailingZeroBitCount
            bits &= bits - 1
            return PolicyAction.allCases[slot]
        }
    }

    public func makeIterator() -> Iterator { Iterator(bits: bits) }

    public var description: String { "[" + map(\.rawValue).joined(separator: ", ") + "]" }
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
    /// Linear-time regular expressions (no backtracking).
    case regex([LinearRegex])
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
    public var actions: PolicyActions
    /// All must hold.
    public var conditions: [Condition]
    /// What the agent should do next, appended to a deny or ask message.
    public var guidance: String?
    /// `not:` groups: the rule does not apply when every condition of any
    /// group holds.
    public var exceptions: [[Condition]]
    /// Where the rule was written (layer, file, line), for explain and audit.
    public var origin: PolicyOrigin
    /// Raised by the engine itself (shell analysis problems, output
    /// redaction), never matched by conditions.
    public var raisedByEngine: Bool

    public init(
        id: String, description: String, effect: Effect, risk: RiskLevel, reason: String,
        actions: PolicyActions, conditions: [Condition], guidance: String? = nil,
        exceptions: [[Condition]] = [], origin: PolicyOrigin = .builtin, raisedByEngine: Bool = false
    ) {
        self.exceptions = exceptions
        self.origin = origin
        self.raisedByEngine = raisedByEngine
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

/// The policy layers, highest first. Evaluation is order-independent (deny
/// beats ask beats allow); the layer says where a rule came from.
public enum PolicyLayer: String, Sendable, CaseIterable, Comparable {
    case managed, user, project, builtin

    var rank: Int {
        switch self {
        case .managed: 0
        case .user: 1
        case .project: 2
        case .builtin: 3
        }
    }

    public static func < (lhs: PolicyLayer, rhs: PolicyLayer) -> Bool { lhs.rank < rhs.rank }
}

/// Where a rule was written.
public struct PolicyOrigin: Sendable, Equatable, CustomStringConvertible {
    public var layer: PolicyLayer
    public var file: String
    public var line: Int

    public init(layer: PolicyLayer, file: String, line: Int) {
        self.layer = layer
        self.file = file
        self.line = line
    }

    public static let builtin = PolicyOrigin(layer: .builtin, file: "", line: 0)

    public var description: String {
        file.isEmpty ? layer.rawValue : "\(layer.rawValue) \(file):\(line)"
    }
}

/// Policies and the verdict when none matched, as loaded from every layer.
public struct PolicySet: Sendable {
    public var policies: [Policy]
    public var defaultEffect: Effect

    public init(policies: [Policy], defaultEffect: Effect = .allow) {
        self.policies = policies
        self.defaultEffect = defaultEffect
    }

    /// The strictest of two default effects: deny > ask > allow.
    public static func strictest(_ a: Effect, _ b: Effect) -> Effect {
        Engine.verdict(for: a) >= Engine.verdict(for: b) ? a : b
    }
}
