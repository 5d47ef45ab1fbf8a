/// The built-in policy pack as the engine uses it. The rules are written in
/// `policies/builtin/*.yaml` and compiled into `BuiltinPack` (generated Swift),
/// so a hook call never parses them.
public enum BuiltinPolicies {
    public static let all: [Policy] = BuiltinPack.policies

    /// Policies the engine raises itself; the compiler requires them in the pack.
    public static let engineRaisedIDs = ["builtin.shell.unparseable", "builtin.shell.decoder-to-shell", "builtin.output.redact"]

    /// Verdicts for what the shell analyzer could not make sense of: never a
    /// silent allow.
    public static let unparseableShell = named(
        "builtin.shell.unparseable", effect: .ask, reason: "the command could not be fully analysed")

    public static let decoderToShell = named(
        "builtin.shell.decoder-to-shell", effect: .deny, reason: "decoded content piped into a shell hides what runs")

    public static let outputRedaction = named(
        "builtin.output.redact", effect: .redact, reason: "personal data or secrets in the tool output were redacted")

    /// The pack's policy by id. The fallback only matters if a pack was built
    /// without the rule, and keeps the engine strict in that case.
    static func named(_ id: String, effect: Effect, reason: String) -> Policy {
        BuiltinPack.policies.first { $0.id == id }
            ?? Policy(id: id, description: reason, effect: effect, risk: .high, reason: reason, actions: [], conditions: [], raisedByEngine: true)
    }
}
