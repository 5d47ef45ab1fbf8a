extension Engine {
    struct OutputWarning {
        var policy: Policy
        var text: String

        func decision(id: DecisionID) -> Decision {
            Decision(verdict: .allow, reason: policy.reason, policyIDs: [policy.id], risk: policy.risk, id: id, warnings: [text])
        }
    }

    /// A warning for the model when a tool output carries instructions.
    func promptInjectionWarning(in output: JSONValue, tool: String) -> OutputWarning? {
        let kinds = PromptInjectionScanner.kinds(in: output)
        guard !kinds.isEmpty else { return nil }
        let policy = DataPolicies.promptInjectionOutput
        return OutputWarning(
            policy: policy,
            text: PromptInjectionScanner.warning(for: kinds, tool: tool))
    }
}
