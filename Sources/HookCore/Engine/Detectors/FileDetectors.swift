/// Detectors for file subjects: whether the subject's file is being changed
/// (by the Write/Edit tools or by a shell command), what a written script
/// would run, and traversal out of the project into system files.
enum FileDetectors {
    static let all: [any SubjectDetector] = [
        SubjectTestDetector("file.modified", { subject, context in modifies(subject, context) }),
        SubjectTestDetector("file.content-downloads-and-runs", { subject, context in contentDownloadsAndRuns(subject, context) }),
        SubjectTestDetector("file.traversal-to-system", { subject, _ in traversalToSystem(subject) }),
        SubjectTestDetector("file.key-used-not-read", { subject, context in keyUsedNotRead(subject, context) }),
    ]

    /// `ssh -i ~/.ssh/id_ed25519 host`, `ssh-add ~/.ssh/id_rsa`, `chmod 600 ~/.ssh/id_rsa`:
    /// the key is handed to the program that uses it or locked down, its
    /// bytes never reach the transcript.
    static func keyUsedNotRead(_ subject: Subject, _ context: DetectorContext) -> Bool {
        guard subject.derivedFromShell, let command = subject.command else { return false }
        switch command.program {
        case "ssh", "scp", "sftp", "rsync", "autossh", "mosh":
            let arguments = command.arguments
            return zip(arguments, arguments.dropFirst()).contains { flag, value in
                (flag == "-i" || flag == "-oIdentityFile") && context.resolve(value) == subject.resource
            } || arguments.contains { $0.hasPrefix("-i") && $0.count > 2 && context.resolve(String($0.dropFirst(2))) == subject.resource }
        case "ssh-add", "ssh-keygen":
            return !command.arguments.contains("-e") || command.program == "ssh-add"
        case "chmod":
            let mode = command.operands.first ?? ""
            return ["600", "400", "0600", "0400", "go-rwx", "og-rwx", "u=rw,go=", "go-r", "o-r"].contains(mode)
        default:
            return false
        }
    }

    /// Programs that change or remove every file operand they are given.
    static let changesEveryOperand: Set<String> = [
        "rm", "unlink", "rmdir", "shred", "srm", "truncate", "tee", "mv", "touch", "chattr", "setfacl",
    ]
    /// Programs whose last operand is the destination they overwrite.
    static let changesLastOperand: Set<String> = ["cp", "install", "rsync", "scp", "ln", "ditto", "gcp"]
    /// Programs whose operands after the first (a mode or owner) are changed.
    static let changesAfterFirst: Set<String> = ["chmod", "chown", "chgrp"]

    static func modifies(_ subject: Subject, _ context: DetectorContext) -> Bool {
        guard subject.action == .writeFile || subject.action == .readFile else { return false }
        if !subject.derivedFromShell { return subject.action == .writeFile }
        if subject.action == .writeFile { return true }
        guard let command = subject.command else { return false }
        let operands = command.operands
        let changed: ArraySlice<String>
        switch command.program {
        case let program where changesEveryOperand.contains(program):
            changed = operands[...]
        case let program where changesLastOperand.contains(program):
            changed = operands.count >= 2 ? operands.suffix(1) : []
        case let program where changesAfterFirst.contains(program):
            changed = operands.dropFirst()
        case "sed", "gsed", "perl", "ruby":
            let inPlace = command.arguments.contains { $0 == "-i" || $0.hasPrefix("-i") || $0 == "--in-place" || $0.hasPrefix("--in-place=")
                || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("i") && command.program == "perl") }
            changed = inPlace ? operands[...] : []
        case "dd":
            return command.arguments.contains { $0.hasPrefix("of=") && context.resolve(String($0.dropFirst(3))) == subject.resource }
        default:
            changed = []
        }
        return changed.contains { context.resolve($0) == subject.resource }
    }

    /// A script written to disk that fetches code and runs it (`curl … | sh`,
    /// `base64 -d | bash`, `bash -c "$(wget …)"`), the shape of a backdoored git hook.
    static func contentDownloadsAndRuns(_ subject: Subject, _ context: DetectorContext) -> Bool {
        guard subject.action == .writeFile || subject.action == .readFile else { return false }
        var script = subject.content
        if subject.derivedFromShell, let command = subject.command {
            // `echo 'curl … | sh' >> .git/hooks/pre-commit`: the text being written.
            script = command.arguments.joined(separator: " ")
            for redirection in command.redirections { if let body = redirection.hereDocument { script += "\n" + body } }
        }
        guard !script.isEmpty, script.utf8.count <= 262_144 else { return false }
        let analysis = ShellAnalyzer(home: context.home).analyze(script)
        if analysis.problems.contains(where: \.isEvasion) { return true }
        for pipeline in analysis.pipelines {
            for command in pipeline {
                let probe = Subject(action: .executeShell, resource: command.text, content: script, tool: subject.tool,
                                    host: subject.host, cwd: subject.cwd, command: command, pipeline: pipeline)
                if NetworkDetectors.downloadPipedToInterpreter(probe) || NetworkDetectors.decoderPipedToInterpreter(probe)
                    || NetworkDetectors.downloadSubstitutionToShell(command, DetectorContext(subject: probe, home: context.home)) {
                    return true
                }
            }
        }
        return false
    }

    /// `../../../etc/passwd`: a path that climbs with `..` and lands in a system directory.
    static func traversalToSystem(_ subject: Subject) -> Bool {
        guard subject.action == .readFile || subject.action == .writeFile, subject.rawPath.utf8.containsDotDot else { return false }
        let path = subject.resource
        let systemRoots = ["/etc/", "/root/", "/proc/", "/sys/", "/boot/", "/var/", "/usr/", "/bin/", "/sbin/", "/lib/",
                           "/private/etc/", "/System/", "/Library/", "/dev/"]
        guard systemRoots.contains(where: { path.hasPrefix($0) }) else { return false }
        // A path that starts in a system tree and climbs within it is not a traversal.
        let raw = subject.rawPath
        return !systemRoots.contains { raw.hasPrefix($0) && !raw.hasPrefix($0 + "..") && path.hasPrefix($0) }
            || raw.contains("/../../")
    }
}

extension String.UTF8View {
    /// `..` anywhere, without the generic substring search.
    var containsDotDot: Bool {
        var previousDot = false
        for byte in self {
            let dot = byte == UInt8(ascii: ".")
            if dot && previousDot { return true }
            previousDot = dot
        }
        return false
    }
}
