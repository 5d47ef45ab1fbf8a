/// Built-in policies for data: SQL in MCP database tools, secrets written to
/// files, prompt injection. Mirrors `policies/builtin/{sql,secrets,prompt-injection}.yaml`.
public enum DataPolicies {
    public static let all: [Policy] = sql + [secretsWrite, promptInjectionInput]

    static let sql: [Policy] = SQLFamily.allCases.map { family in
        Policy(
            id: family.policyID, description: family.reason, effect: family.isDestructive ? .ask : .deny,
            risk: family.isDestructive ? .high : .critical, reason: family.reason, actions: [.invokeMCP],
            conditions: [Condition(field: .content, test: .detector(family.detectorID))],
            guidance: family.isDestructive
                ? "Ask the user to confirm this change, naming the table and the rows it affects."
                : "Do not retry another way; ask the user.")
    }

    public static let secretsWrite = Policy(
        id: "builtin.secrets.write", description: "Secrets (keys, tokens, private keys) written into files",
        effect: .deny, risk: .high, reason: "the content writes a secret (API key, token or private key) into a file",
        actions: [.writeFile, .executeShell],
        conditions: [Condition(field: .content, test: .detector("secrets.in-written-content"))],
        guidance: "Read the secret from an environment variable or a secret store instead of writing it into the file.")

    /// Prompt injection in MCP arguments: asked about by default. A stricter
    /// policy can deny with `detector: prompt-injection`.
    public static let promptInjectionInput = Policy(
        id: "builtin.prompt-injection.mcp-input",
        description: "MCP tool arguments carrying instructions aimed at a model",
        effect: .ask, risk: .medium,
        reason: "the arguments contain prompt-injection text (ignore previous instructions, role hijack, system-prompt extraction or tool-call markup)",
        actions: [.invokeMCP], conditions: [Condition(field: .content, test: .detector("prompt-injection"))],
        guidance: "Show the user the text and ask whether to send it.")

    /// Prompt injection in tool output: the model is warned, the output is left as is.
    public static let promptInjectionOutput = Policy(
        id: "builtin.prompt-injection.output", description: "Tool output carrying instructions aimed at the model",
        effect: .log, risk: .medium,
        reason: "the tool output contains text that tries to instruct the model; the model was warned",
        actions: [], conditions: [])
}
