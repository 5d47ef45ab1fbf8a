/// Subject detectors for data other than SQL: secrets written to files and
/// prompt injection in MCP arguments.
public enum DataDetectors {
    public static let all: [any SubjectDetector] = [SecretWriteDetector(), PromptInjectionSubjectDetector()]
}
