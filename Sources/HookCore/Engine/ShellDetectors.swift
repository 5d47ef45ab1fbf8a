/// Detectors over parsed shell commands.
public enum ShellDetectors {
    public static let all: [any SubjectDetector] = [
        RecursiveDelete(id: "shell.recursive-delete-root", target: .root),
        RecursiveDelete(id: "shell.recursive-delete-home", target: .home),
        DownloadToShell(),
    ]

    static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "fish", "ash", "busybox"]
    static let interpreters: Set<String> = shells.union(["python", "python3", "perl", "ruby", "node", "php"])
    static let downloaders: Set<String> = ["curl", "wget", "fetch", "aria2c", "http", "https", "lwp-download"]

    /// `rm` with a recursive flag aimed at the root or the home directory.
    struct RecursiveDelete: SubjectDetector {
        enum Target { case root, home }
        let id: String
        let target: Target

        func matches(_ subject: Subject, home: String?) -> Bool {
            guard subject.action == .executeShell, let command = subject.command, command.program == "rm",
                command.hasFlag(short: "r", long: "recursive") || command.hasFlag(short: "R", long: nil)
            else { return false }
            let resolver = PathResolver(home: home, cwd: subject.cwd.isEmpty ? nil : subject.cwd)
            for operand in command.operands {
                let path = resolver.resolve(operand)
                switch target {
                case .root:
                    if path == "/" || path == "/*" { return true }
                case .home:
                    if operand == "~" || operand.hasPrefix("~/*") || operand == "~/" { return true }
                    if let home, path == home || path == home + "/*" { return true }
                }
            }
            return false
        }
    }

    /// Something fetched from the network piped into an interpreter, in the
    /// same pipeline (`curl … | sh`) or as the script of `sh -c "$(curl …)"`.
    struct DownloadToShell: SubjectDetector {
        let id = "shell.download-to-shell"

        func matches(_ subject: Subject, home: String?) -> Bool {
            guard subject.action == .executeShell, let command = subject.command else { return false }
            guard ShellDetectors.interpreters.contains(command.program) else { return false }
            if let position = subject.pipeline.firstIndex(of: command),
                subject.pipeline[..<position].contains(where: { ShellDetectors.downloaders.contains($0.program) })
            {
                return true
            }
            return false
        }
    }
}
