/// Subject detectors for data other than SQL: secrets written to files and
/// prompt injection in MCP arguments, secrets and identifiers sent out.
public enum DataDetectors {
    public static let all: [any SubjectDetector] = [
        SecretWriteDetector(), PromptInjectionSubjectDetector(), OutboundDataDetector.secrets, OutboundDataDetector.identifiers,
    ]
}
