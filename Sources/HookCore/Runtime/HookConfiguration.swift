/// Everything the hook reads from its environment, read once into a value.
public struct HookConfiguration: Sendable {
    public var home: String?
    public var auditLogPath: String
    public var mode: EnforcementMode
    /// Problems with the configuration itself, reported on stderr.
    public var notes: [String]
    /// The variables this configuration was read from, for the policy layers.
    public var environment: [String: String]

    public static let auditLogVariable = "GATEHOUSE_AUDIT_LOG"
    public static let modeVariable = "GATEHOUSE_MODE"

    public init(environment: [String: String]) {
        var notes: [String] = []
        self.environment = environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        self.home = home
        self.auditLogPath = HookConfiguration.auditLogPath(environment: environment)
        switch environment[HookConfiguration.modeVariable]?.lowercased() {
        case nil, "", "enforce": mode = .enforce
        case "observe": mode = .observe
        case let other?:
            // A typo must not switch enforcement off.
            notes.append("Gatehouse: unknown \(HookConfiguration.modeVariable)=\(other); enforcing.")
            mode = .enforce
        }
        self.notes = notes
    }

    /// `GATEHOUSE_AUDIT_LOG`, else `$XDG_STATE_HOME/gatehouse/audit.jsonl`,
    /// else `~/.local/state/gatehouse/audit.jsonl`.
    public static func auditLogPath(environment: [String: String]) -> String {
        if let explicit = environment[auditLogVariable], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/gatehouse/audit.jsonl" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return home + "/.local/state/gatehouse/audit.jsonl"
    }
}
