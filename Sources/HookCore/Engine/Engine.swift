/// A policy that matched a subject.
public struct PolicyMatch: Sendable {
    public var policy: Policy
    public var subject: Subject
    /// Set when the match came from a shell analysis problem.
    public var detail: String?
}

/// The host-neutral decision engine: tool call in, decision out.
public struct Engine: Sendable {
    public var policies: [Policy]
    public var detectors: DetectorRegistry
    public var builder: SubjectBuilder
    public var redactor: Redactor
    public var home: String?
    public var mode: EnforcementMode
    /// Verdict when nothing matched.
    public var defaultEffect: Effect

    public init(
        policies: [Policy] = BuiltinPolicies.all, detectors: DetectorRegistry = .builtin, home: String?,
        mode: EnforcementMode = .enforce, redactor: Redactor = Redactor(), defaultEffect: Effect = .allow
    ) {
        self.home = home
        self.policies = policies.map { Engine.expandHome(in: $0, home: home) }
        self.detectors = detectors
        self.builder = SubjectBuilder(home: home)
        self.mode = mode
        self.redactor = redactor
        self.defaultEffect = defaultEffect
    }

    /// Every policy that matches any subject of the call.
    public func matches(for call: ToolCall) -> [PolicyMatch] {
        let built = builder.subjects(for: call)
        var found: [PolicyMatch] = []
        for subject in built.subjects {
            for policy in policies where applies(policy, to: subject) {
                found.append(PolicyMatch(policy: policy, subject: subject))
            }
        }
        if let first = built.subjects.first {
            for problem in built.shellProblems {
                let policy = problem.isEvasion ? BuiltinPolicies.decoderToShell : BuiltinPolicies.unparseableShell
                found.append(PolicyMatch(policy: policy, subject: first, detail: problem.explanation))
            }
        }
        return found
    }

    /// Decides a tool call before it runs.
    public func evaluate(_ call: ToolCall, id: DecisionID) -> Decision {
        let found = matches(for: call)
        let ranked = found.filter { $0.policy.effect != .log && $0.policy.effect != .redact }
            .sorted { a, b in
                let va = Engine.verdict(for: a.policy.effect), vb = Engine.verdict(for: b.policy.effect)
                return va != vb ? va > vb : a.policy.risk > b.policy.risk
            }
        guard let top = ranked.first else {
            return Decision(verdict: Engine.verdict(for: defaultEffect), policyIDs: found.map(\.policy.id), id: id)
        }
        var ids: [String] = []
        for match in ranked where !ids.contains(match.policy.id) { ids.append(match.policy.id) }
        let verdict = Engine.verdict(for: top.policy.effect)
        var reason = top.policy.reason
        if let detail = top.detail { reason += ": " + detail }
        return Decision(
            verdict: verdict, reason: reason, policyIDs: ids, risk: top.policy.risk, id: id,
            overridable: verdict != .allow && top.policy.risk != .critical, guidance: top.policy.guidance)
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
        for condition in policy.conditions where holds(condition, for: subject) == condition.negated {
            return false
        }
        return true
    }

    func holds(_ condition: Condition, for subject: Subject) -> Bool {
        let value = subject.value(of: condition.field)
        switch condition.test {
        case let .matches(globs): return globs.contains { $0.matches(value) }
        case let .startsWith(prefixes): return prefixes.contains { value.hasPrefix($0) }
        case let .contains(needles): return needles.contains { value.contains($0) }
        case let .equals(options): return options.contains(value)
        case let .detector(id): return detectors[id]?.matches(subject, home: home) ?? false
        }
    }

    /// Rules say `~/.ssh/...`; subjects carry absolute paths. Expanding once at
    /// load time keeps matching a plain glob test.
    static func expandHome(in policy: Policy, home: String?) -> Policy {
        guard let home else { return policy }
        var policy = policy
        policy.conditions = policy.conditions.map { condition in
            guard case let .matches(globs) = condition.test else { return condition }
            var condition = condition
            condition.test = .matches(globs.map { glob in
                glob.pattern.hasPrefix("~/") ? Glob(home + glob.pattern.dropFirst(1)) : glob
            })
            return condition
        }
        return policy
    }
}
