/// Whether a deny or ask is enforced or only recorded.
public enum EnforcementMode: String, Sendable {
    case enforce, observe
}
