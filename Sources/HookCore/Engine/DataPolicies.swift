/// Data policies the engine raises itself (the rest of the data pack is
/// ordinary YAML in `policies/builtin/{sql,secrets,pii,prompt-injection}.yaml`).
public enum DataPolicies {
    /// Prompt injection in tool output: the model is warned, the output is left as is.
    public static let promptInjectionOutput = BuiltinPolicies.named(
        "builtin.prompt-injection.output", effect: .log,
        reason: "the tool output contains text that tries to instruct the model; the model was warned")
}
