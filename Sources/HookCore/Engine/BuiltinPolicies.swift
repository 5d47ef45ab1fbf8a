/// The built-in policy pack, compiled into the binary so a hook call never
/// parses it.
public enum BuiltinPolicies {
    static let askUser = "Do not retry another way; ask the user."

    public static let all: [Policy] = [
        Policy(
            id: "builtin.shell.rm-root", description: "Recursive deletion of the file system root",
            effect: .deny, risk: .critical, reason: "recursive delete of the root directory",
            actions: [.executeShell], conditions: [Condition(field: .resource, test: .detector("shell.recursive-delete-root"))],
            guidance: askUser),
        Policy(
            id: "builtin.shell.rm-home", description: "Recursive deletion of the home directory",
            effect: .deny, risk: .critical, reason: "recursive delete of the home directory",
            actions: [.executeShell], conditions: [Condition(field: .resource, test: .detector("shell.recursive-delete-home"))],
            guidance: askUser),
        Policy(
            id: "builtin.shell.download-to-shell", description: "Code downloaded from the network piped into a shell",
            effect: .deny, risk: .critical, reason: "downloaded content piped into an interpreter runs unreviewed code",
            actions: [.executeShell], conditions: [Condition(field: .resource, test: .detector("shell.download-to-shell"))],
            guidance: "Download the script to a file, show it to the user, and run it only if they approve."),
        Policy(
            id: "builtin.secrets.ssh-private-key", description: "Reading or copying SSH private keys",
            effect: .deny, risk: .critical, reason: "access to an SSH private key",
            actions: [.readFile, .writeFile],
            conditions: [
                Condition(field: .resource, test: .matches([Glob("~/.ssh/id_*")])),
                Condition(field: .resource, test: .matches([Glob("**/*.pub")]), negated: true),
            ],
            guidance: askUser),
        Policy(
            id: "builtin.secrets.aws-credentials", description: "Reading the AWS shared credentials file",
            effect: .deny, risk: .critical, reason: "access to AWS credentials",
            actions: [.readFile, .writeFile],
            conditions: [Condition(field: .resource, test: .matches([Glob("~/.aws/credentials")]))],
            guidance: askUser),
        Policy(
            id: "builtin.network.cloud-metadata", description: "Requests to the cloud instance metadata service",
            effect: .deny, risk: .critical, reason: "request to the cloud metadata service (credential theft via SSRF)",
            actions: [.executeShell, .invokeMCP, .readWebFetch],
            conditions: [Condition(field: .content, test: .contains(["169.254.169.254"]))],
            guidance: askUser),
    ] + DataPolicies.all

    /// Verdicts for what the shell analyzer could not make sense of: never a
    /// silent allow.
    public static let unparseableShell = Policy(
        id: "builtin.shell.unparseable", description: "Shell commands Gatehouse cannot fully analyse",
        effect: .ask, risk: .high, reason: "the command could not be fully analysed",
        actions: [.executeShell], conditions: [],
        guidance: "Ask the user to approve it, or rewrite it as plain commands.")

    public static let decoderToShell = Policy(
        id: "builtin.shell.decoder-to-shell", description: "Encoded content decoded and piped into a shell",
        effect: .deny, risk: .critical, reason: "decoded content piped into a shell hides what runs",
        actions: [.executeShell], conditions: [], guidance: askUser)

    public static let outputRedaction = Policy(
        id: "builtin.output.redact", description: "Personal data and secrets in tool output",
        effect: .redact, risk: .high, reason: "personal data or secrets in the tool output were redacted",
        actions: [], conditions: [])
}
