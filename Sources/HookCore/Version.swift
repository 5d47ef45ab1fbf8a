/// The one version constant: every manifest, bundle name, audit record and
/// client header is derived from it.
public enum Gatehouse {
    public static let version = "0.1.0"
    public static let name = "gatehouse"
    public static let displayName = "Gatehouse"
    public static let homepage = "https://github.com/gatehouse-dev/gatehouse"
    public static let repository = "https://github.com/gatehouse-dev/gatehouse"
    public static let license = "MIT"
    public static let author = "Gatehouse"
}
