/// A policy that matched a subject.
public struct PolicyMatch: Sendable {
    public var policy: Policy
    public var subject: Subject
    /// Set when the match came from a shell analysis problem.
    public var detail: String?
}

/// The host-neutral decision engine: tool call in, decision out.
///
/// Evaluation is order-independent: every rule is checked against every
/// subject of the call; deny beats ask beats allow, and a subject of the call
/// itself that no deciding rule matched gets the default effect.
public struct Engine: Sendable {
    public private(set) var policies: [Policy]
    public var detectors: DetectorRegistry
    public var builder: SubjectBuilder
    public var redactor: Redactor
    public var home: String?
    public var mode: EnforcementMode
    /// Verdict for a subject no deciding rule matched.
    public var defaultEffect: Effect
    /// Policy indexes per action (by `PolicyAction.slot`), so a call only
    /// looks at rules that can apply.
    let index: [[Int]]
    /// Detector conditions resolved once: per policy and condition, a slot in
    /// `resolved` (-1 for other tests), so evaluation hashes no ids.
    let detectorSlots: [[Int]]
    let resolved: [any SubjectDetector]

    public init(
        policies: [Policy] = BuiltinPolicies.all, detectors: DetectorRegistry = .builtin, home: String?,
        mode: EnforcementMode = .enforce, redactor: Redactor = Redactor(), defaultEffect: Effect = .allow
    ) {
        self.home = home
        let policies = policies.filter { !$0.raisedByEngine }.map { Engine.cheapestFirst(Engine.expandHome(in: $0, home: home)) }
        self.policies = policies
        self.detectors = detectors
        self.builder = SubjectBuilder(home: home)
        self.mode = mode
        self.redactor = redactor
        self.defaultEffect = defaultEffect
        var index = [[Int]](repeating: [], count: PolicyAction.allCases.count)
        for (i, policy) in policies.enumerated() {
            if policy.actions.isEmpty {
                for slot in index.indices { index[slot].append(i) }
            } else {
                for action in policy.actions { index[action.slot].append(i) }
            }
        }
        self.index = index
        var slotOf: [String: Int] = [:]
        var resolved: [any SubjectDetector] = []
        self.detectorSlots = policies.map { policy in
            policy.conditions.map { condition in
                guard case let .detector(id) = condition.test else { return -1 }
                if let slot = slotOf[id] { return slot }
                slotOf[id] = resolved.count
                resolved.append(detectors[id] ?? MissingDetector(id: id))
                return resolved.count - 1
            }
        }
        self.resolved = resolved
    }

    public init(_ set: PolicySet, detectors: DetectorRegistry = .builtin, home: String?, mode: EnforcementMode = .enforce) {
        self.init(policies: set.policies, detectors: detectors, home: home, mode: mode, defaultEffect: set.defaultEffect)
    }

    /// What evaluating a call found: every match, and the subjects of the
    /// call itself that no deciding rule matched (they get the default).
    public struct Evaluation: Sendable {
        public var matches: [PolicyMatch]
        public var subjects: [Subject]
        public var undecided: [Subject]
    }

    public func evaluation(for call: ToolCall) -> Evaluation {
        let built = builder.subjects(for: call)
        var found: [PolicyMatch] = []
        var undecided: [Subject] = []
        for subject in built.subjects {
            var decided = false
            // The index already selected by action: only conditions remain.
            // Many rules ask the same detector about the same subject.
            var cache = DetectorCache(count: resolved.count)
            let context = DetectorContext(subject: subject, home: home)
            for i in index[subject.action.slot] where conditionsHold(policyAt: i, in: context, cache: &cache) {
                let policy = policies[i]
                found.append(PolicyMatch(policy: policy, subject: subject))
                if policy.effect != .log && policy.effect != .redact { decided = true }
            }
            if !decided && !subject.derivedFromShell { undecided.append(subject) }
        }
        if let first = built.subjects.first {
            for problem in built.shellProblems {
                let policy = problem.isEvasion ? BuiltinPolicies.decoderToShell : BuiltinPolicies.unparseableShell
                found.append(PolicyMatch(policy: policy, subject: first, detail: problem.explanation))
            }
        }
        return Evaluation(matches: found, subjects: built.subjects, undecided: undecided)
    }

    /// Every policy that matches any subject of the call.
    public func matches(for call: ToolCall) -> [PolicyMatch] { evaluation(for: call).matches }

    /// The id reported when the default effect decided.
    public static let defaultEffectID = "gatehouse.default-effect"

    /// Decides a tool call before it runs.
    public func evaluate(_ call: ToolCall, id: DecisionID) -> Decision {
        decide(evaluation(for: call), id: id)
    }

    public func decide(_ evaluation: Evaluation, id: DecisionID) -> Decision {
        let found = evaluation.matches
        let ranked = found.filter { $0.policy.effect != .log && $0.policy.effect != .redact }
            .sorted { a, b in
                let va = Engine.verdict(for: a.policy.effect), vb = Engine.verdict(for: b.policy.effect)
                return va != vb ? va > vb : a.policy.risk > b.policy.risk
            }
        let fallback = Engine.verdict(for: defaultEffect)
        let defaultApplies = !evaluation.undecided.isEmpty
        guard let top = ranked.first, !(defaultApplies && fallback > Engine.verdict(for: top.policy.effect)) else {
            let verdict = defaultApplies || ranked.isEmpty ? fallback : .allow
            guard verdict != .allow else {
                return Decision(verdict: .allow, policyIDs: Engine.uniqueIDs(ranked.isEmpty ? found : ranked), id: id)
            }
            let what = evaluation.undecided.first.map { " (" + Engine.brief($0.resource) + ")" } ?? ""
            var decision = Decision(
                verdict: verdict, reason: "no policy rule allows this\(what); the default effect is \(defaultEffect.rawValue)",
                policyIDs: [Engine.defaultEffectID] + Engine.uniqueIDs(ranked), risk: .medium, id: id,
                overridable: true, guidance: "Ask the user, or use an action the policy allows.")
            decision.policySources = ["default effect"] + Engine.sources(ranked)
            return decision
        }
        let verdict = Engine.verdict(for: top.policy.effect)
        var reason = top.policy.reason
        if reason.isEmpty { reason = top.policy.description.isEmpty ? "policy \(top.policy.id)" : top.policy.description }
        if let detail = top.detail { reason += ": " + detail }
        var decision = Decision(
            verdict: verdict, reason: reason, policyIDs: Engine.uniqueIDs(ranked), risk: top.policy.risk, id: id,
            overridable: verdict != .allow && top.policy.risk != .critical, guidance: top.policy.guidance)
        decision.policySources = Engine.sources(ranked)
        return decision
    }

    /// `layer file:line` per unique policy id, for the audit record.
    static func sources(_ matches: [PolicyMatch]) -> [String] {
        var ids: [String] = []
        var sources: [String] = []
        for match in matches where !ids.contains(match.policy.id) {
            ids.append(match.policy.id)
            sources.append(match.policy.origin.description)
        }
        return sources
    }

    static func uniqueIDs(_ matches: [PolicyMatch]) -> [String] {
        var ids: [String] = []
        for match in matches where !ids.contains(match.policy.id) { ids.append(match.policy.id) }
        return ids
    }

    static func brief(_ text: String) -> String {
        text.utf8.count <= 80 ? text : String(text.prefix(77)) + "..."
    }

    /// Scans what a tool returned and redacts personal data and secrets. The
    /// returned value has the input's shape; findings carry types and places.
    /// Text that tries to instruct the model is not changed but warned about
    /// (`Decision.warnings`).
    public func scanOutput(_ output: JSONValue, id: DecisionID, tool: String = "this tool") -> (output: JSONValue, decision: Decision) {
        let (redacted, findings) = redactor.redact(output)
        let warning = promptInjectionWarning(in: output, tool: tool)
        guard !findings.isEmpty else { return (output, warning.map { $0.decision(id: id) } ?? Decision(verdict: .allow, id: id)) }
        var types: [String] = []
        for finding in findings where !types.contains(finding.type) { types.append(finding.type) }
        let policy = BuiltinPolicies.outputRedaction
        let decision = Decision(
            verdict: .redact, reason: policy.reason + " (" + types.joined(separator: ", ") + ")",
            policyIDs: [policy.id] + (warning.map { [$0.policy.id] } ?? []), risk: policy.risk, id: id, findings: findings,
            warnings: warning.map { [$0.text] } ?? [])
        return (redacted, decision)
    }

    static func verdict(for effect: Effect) -> Verdict {
        switch effect {
        case .allow, .log: .allow
        case .deny: .deny
        case .ask: .ask
        case .redact: .redact
        }
    }

    func applies(_ policy: Policy, to subject: Subject) -> Bool {
        if !policy.actions.isEmpty, !policy.actions.contains(subject.action) { return false }
        return conditionsHold(policy, for: subject)
    }

    /// Detector answers for one subject, by slot: 0 not asked yet, 1 no, 2 yes.
    struct DetectorCache {
        var answers: [UInt8]
        init(count: Int) { answers = [UInt8](repeating: 0, count: count) }
    }

    func conditionsHold(policyAt i: Int, in context: DetectorContext, cache: inout DetectorCache) -> Bool {
        // Only the conditions are read: copying the whole Policy would retain every field.
        // Indexes, not `for condition in`: iterating would copy (retain) each
        // condition and glob on the hottest loop of a decision.
        let held = policies[i].conditions.withUnsafeBufferPointer { conditions in
            detectorSlots[i].withUnsafeBufferPointer { slots in
                for k in conditions.indices {
                    let holds: Bool
                    let slot = slots[k]
                    if slot >= 0 {
                        if cache.answers[slot] == 0 {
                            cache.answers[slot] = resolved[slot].matches(in: context) ? 2 : 1
                        }
                        holds = cache.answers[slot] == 2
                    } else {
                        holds = self.holds(conditions[k], for: context.subject)
                    }
                    if holds == conditions[k].negated { return false }
                }
                return true
            }
        }
        guard held else { return false }
        for group in policies[i].exceptions where group.allSatisfy({ self.holds($0, for: context.subject) != $0.negated }) {
            return false
        }
        return true
    }

    func conditionsHold(_ policy: Policy, for subject: Subject) -> Bool {
        for condition in policy.conditions where holds(condition, for: subject) == condition.negated {
            return false
        }
        for group in policy.exceptions where group.allSatisfy({ holds($0, for: subject) != $0.negated }) {
            return false
        }
        return true
    }

    func holds(_ condition: Condition, for subject: Subject) -> Bool {
        let value = subject.value(of: condition.field)
        switch condition.test {
        case let .matches(globs):
            let isPath = condition.field == .cwd
                || (condition.field == .resource && (subject.action == .readFile || subject.action == .writeFile))
            // The value's bytes once for every glob, and globs borrowed from the
            // buffer: an array subscript or a closure per glob copied each one.
            var text = value
            return text.withUTF8 { bytes in
                globs.withUnsafeBufferPointer { globs in
                    for g in globs.indices {
                        if globs[g].isRelative && isPath {
                            if let relative = Engine.relative(value, to: subject.cwd), globs[g].matches(relative) { return true }
                        } else if globs[g].matches(bytes: bytes, path: isPath) {
                            return true
                        }
                    }
                    return false
                }
            }
        case let .startsWith(prefixes): return prefixes.contains { value.hasPrefix($0) }
        case let .contains(needles): return needles.contains { value.contains($0) }
        case let .equals(options): return options.contains(value)
        case let .regex(patterns): return patterns.contains { $0.matches(value) }
        case let .detector(id): return detectors[id]?.matches(in: DetectorContext(subject: subject, home: home)) ?? false
        }
    }

    /// All conditions must hold, so their order is free: text tests first,
    /// detectors and regexes (which parse or scan) only when those passed.
    /// The pack compiler emits this order, so the built-in pack needs no work here.
    public static func cheapestFirst(_ policy: Policy) -> Policy {
        func cost(_ condition: Condition) -> Int {
            switch condition.test {
            case .equals, .startsWith: 0
            case .contains, .matches: 1
            case .regex: 2
            case .detector: 3
            }
        }
        var ordered = true
        for k in policy.conditions.indices.dropFirst() where cost(policy.conditions[k - 1]) > cost(policy.conditions[k]) {
            ordered = false
            break
        }
        if ordered { return policy }
        var policy = policy
        var sorted: [Condition] = []
        sorted.reserveCapacity(policy.conditions.count)
        for level in 0...3 { sorted += policy.conditions.filter { cost($0) == level } }
        policy.conditions = sorted
        return policy
    }

    /// `./…` form of an absolute path inside `cwd`; nil outside it.
    static func relative(_ path: String, to cwd: String) -> String? {
        guard !cwd.isEmpty else { return path.hasPrefix("/") ? nil : "./" + path }
        if path == cwd { return "." }
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        guard path.hasPrefix(base) else { return nil }
        return "./" + String(decoding: path.utf8.dropFirst(base.utf8.count), as: UTF8.self)
    }

    /// Rules say `~/.ssh/...`; subjects carry absolute paths. Expanding once at
    /// load time keeps matching a plain glob test.
    static func expandHome(in policy: Policy, home: String?) -> Policy {
        guard let home, policy.mentionsHome else { return policy }
        var policy = policy
        func expand(_ condition: Condition) -> Condition {
            guard case let .matches(globs) = condition.test, globs.contains(where: { $0.pattern.hasPrefix("~/") })
            else { return condition }
            var condition = condition
            condition.test = .matches(globs.map { $0.expandingHome(home) })
            return condition
        }
        policy.conditions = policy.conditions.map(expand)
        policy.exceptions = policy.exceptions.map { $0.map(expand) }
        return policy
    }
}

/// Stands in for a detector id no registry knows: it never matches. Loading
/// rejects unknown ids, so only hand-built engines meet it.
struct MissingDetector: SubjectDetector {
    let id: String
    func matches(_ subject: Subject, home: String?) -> Bool { false }
}

extension Policy {
    /// True when a glob starts with `~/` (most rules do not: skip the copy).
    var mentionsHome: Bool {
        func has(_ condition: Condition) -> Bool {
            guard case let .matches(globs) = condition.test else { return false }
            return globs.contains { $0.pattern.hasPrefix("~/") }
        }
        return conditions.contains(where: has) || exceptions.contains { $0.contains(where: has) }
    }
}

extension PolicyAction {
    /// Position in `allCases`, for array-indexed lookups on the hook path.
    var slot: Int {
        switch self {
        case .executeShell: 0
        case .writeFile: 1
        case .readFile: 2
        case .invokeMCP: 3
        case .readWebFetch: 4
        case .readWebSearch: 5
        case .readWebBrowse: 6
        case .other: 7
        }
    }
}
