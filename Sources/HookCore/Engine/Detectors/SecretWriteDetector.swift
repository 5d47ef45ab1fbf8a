/// Secrets in content written to a file: the Write / Edit tools' new text,
/// and shell commands that write literal text to a file (`echo … > f`,
/// `printf … >> f`, `cat > f <<EOF … EOF`, `… | tee f`). Reuses the secret
/// text detectors of the output redactor; personal data (an e-mail address in
/// a README) is not a secret and is not matched.
public struct SecretWriteDetector: SubjectDetector {
    public let id = "secrets.in-written-content"
    let redactor = Redactor(detectors: SecretWriteDetector.secretDetectors)

    public init() {}

    public static let secretDetectors: [any TextDetector] = [
        PrivateKeyDetector(), JWTDetector(), AWSAccessKeyDetector(), AWSSecretKeyDetector(),
        SecretTokenDetectors.github, SecretTokenDetectors.githubFineGrained, SecretTokenDetectors.gitlab,
        SecretTokenDetectors.slack, SlackWebhookDetector(), SecretTokenDetectors.stripe, SecretTokenDetectors.googleAPIKey,
        SecretTokenDetectors.anthropic, SecretTokenDetectors.openAI, SecretAssignmentDetector(),
    ]

    static let writers: Set<String> = ["echo", "printf", "cat", "tee"]

    public func matches(_ subject: Subject, home: String?) -> Bool {
        switch subject.action {
        case .writeFile where !subject.derivedFromShell:
            return !redactor.findings(in: subject.content).isEmpty
        case .executeShell:
            guard let command = subject.command, Self.writers.contains(command.program) else { return false }
            let writesFile = command.redirections.contains { $0.op.contains(">") } || command.program == "tee"
            guard writesFile else { return false }
            // `tee` writes what the commands before it in the pipeline print.
            let sources = command.program == "tee"
                ? Array(subject.pipeline.prefix { $0 != command }.filter { Self.writers.contains($0.program) })
                : [command]
            var text = ""
            for source in sources {
                text += source.arguments.joined(separator: " ") + "\n"
                for redirection in source.redirections { if let body = redirection.hereDocument { text += body + "\n" } }
            }
            return !redactor.findings(in: text).isEmpty
        default:
            return false
        }
    }
}
