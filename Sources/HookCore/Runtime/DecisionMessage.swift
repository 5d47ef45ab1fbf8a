/// The words a model and a person read when Gatehouse stops or questions a
/// call: what, why, which policy, how risky, which decision, what next.
public enum DecisionMessage {
    public static func text(for decision: Decision, tool: String) -> String {
        let guidance = decision.guidance
        let policy = decision.primaryPolicyID ?? "none"
        let facts = "(policy \(policy), risk \(decision.risk.rawValue), decision \(decision.id))"
        switch decision.verdict {
        case .deny:
            let next = guidance ?? "Do not retry another way; ask the user."
            return "Gatehouse blocked \(tool): \(decision.reason) \(facts). \(next)"
        case .ask:
            let next = guidance ?? "A person must approve this call."
            return "Gatehouse needs approval for \(tool): \(decision.reason) \(facts). \(next)"
        case .redact:
            return "Gatehouse redacted this \(tool) output: \(decision.reason) \(facts). "
                + "The [REDACTED:<type>] markers stand for values you must not ask the user to reveal."
        case .allow:
            return "Gatehouse allowed \(tool) \(facts)."
        }
    }

    /// Explains an observe-mode decision that was recorded but not enforced.
    public static func observed(_ decision: Decision, tool: String) -> String {
        "Gatehouse (observe mode) would have \(decision.verdict == .deny ? "blocked" : "asked about") \(tool): "
            + "\(decision.reason) (policy \(decision.primaryPolicyID ?? "none"), decision \(decision.id))."
    }
}
