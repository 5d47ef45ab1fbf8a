/// The detectors behind the built-in shell and file policy files
/// (`policies/builtin/*.yaml`), by id.
public enum ShellPackDetectors {
    public static let all: [any SubjectDetector] =
        DestructionDetectors.all + NetworkDetectors.all + CloudMetadataDetector.all + GitDetectors.all
        + HostSecurityDetectors.all + CredentialDetectors.all + FileDetectors.all + AgentDetectors.all
}
