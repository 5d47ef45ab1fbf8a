/// Code fetched or decoded into an interpreter, reverse shells, and data sent
/// off the machine.
enum NetworkDetectors {
    static let all: [any SubjectDetector] = [
        SubjectTestDetector("shell.download-to-shell", { subject, _ in downloadPipedToInterpreter(subject) }),
        CommandDetector("shell.download-substitution-to-shell", downloadSubstitutionToShell),
        SubjectTestDetector("shell.decoder-to-shell", { subject, _ in decoderPipedToInterpreter(subject) }),
        CommandDetector("shell.reverse-shell-dev-tcp", { command, _ in
            command.redirections.contains { $0.target.hasPrefix("/dev/tcp/") || $0.target.hasPrefix("/dev/udp/") }
        }),
        CommandDetector("shell.reverse-shell-netcat", netcatExec),
        CommandDetector("shell.reverse-shell-socat", socatExec),
        CommandDetector("shell.reverse-shell-interpreter", interpreterSocketShell),
        SubjectTestDetector("shell.network-piped-shell", { subject, _ in networkPipedShell(subject) }),
        CommandDetector("shell.reverse-shell-fifo", fifoWithNetwork),
        CommandDetector("shell.upload-credential-file", uploadsCredentialFile),
        SubjectTestDetector("shell.environment-exfiltration", { subject, _ in environmentToNetwork(subject) }),
    ]

    static let downloaders: Set<String> = [
        "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "xhs", "curlie", "lwp-download", "lwp-request", "GET",
    ]
    static let networkClients: Set<String> = [
        "nc", "ncat", "netcat", "nc.traditional", "nc.openbsd", "telnet", "socat", "cryptcat", "pwncat",
    ]

    /// Runs the text on its standard input as code (`sh`, `bash -s`, `python3 -`).
    static func runsStandardInput(_ command: SimpleCommand) -> Bool {
        ShellPrograms.standardInputCodeReader(command) != nil
    }

    static func downloadPipedToInterpreter(_ subject: Subject) -> Bool {
        guard subject.action == .executeShell, let command = subject.command, runsStandardInput(command),
              let position = subject.pipeline.firstIndex(of: command)
        else { return false }
        return subject.pipeline[..<position].contains { stage in
            downloaders.contains(stage.program)
                || (stage.program == "openssl" && stage.arguments.first == "s_client")
        }
    }

    /// The first program named inside a `$(...)`, backtick or `<(...)` word.
    static func substitutedPrograms(in word: String) -> [String] {
        var programs: [String] = []
        let bytes = Array(word.utf8)
        var index = 0
        var insideBacktick = false
        while index < bytes.count {
            var start: Int?
            if bytes[index] == UInt8(ascii: "`") {
                // A closing backtick opens nothing.
                insideBacktick.toggle()
                if insideBacktick { start = index + 1 }
            }
            else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "("),
                    bytes[index] == UInt8(ascii: "$") || bytes[index] == UInt8(ascii: "<") {
                start = index + 2
            }
            if var position = start {
                var end = position
                var name = ""
                // Skip wrappers inside the substitution: `$(sudo curl …)`.
                repeat {
                    while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
                    end = position
                    while end < bytes.count, ![UInt8(ascii: " "), UInt8(ascii: ")"), UInt8(ascii: "`"), UInt8(ascii: "|")].contains(bytes[end]) {
                        end += 1
                    }
                    name = SimpleCommand.programName(fromPath: String(decoding: bytes[position..<end], as: UTF8.self))
                    position = end
                } while ["sudo", "command", "exec", "nohup"].contains(name) && end < bytes.count
                if !name.isEmpty { programs.append(name) }
                index = max(end, index + 1)
                continue
            }
            index += 1
        }
        return programs
    }

    /// `bash -c "$(curl …)"`, `bash <(curl …)`, `. <(wget -O- …)`, `eval "$(curl …)"`.
    static func downloadSubstitutionToShell(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        let traits = ShellPrograms.traits(of: command.program)
        guard traits.contains(.shell) || traits.contains(.interpreter) || traits.contains(.codeRunner) else { return false }
        let words = command.arguments + command.redirections.map(\.target)
        return words.contains { word in substitutedPrograms(in: word).contains { downloaders.contains($0) } }
    }

    static func decoderPipedToInterpreter(_ subject: Subject) -> Bool {
        guard subject.action == .executeShell, let command = subject.command, runsStandardInput(command),
              let position = subject.pipeline.firstIndex(of: command)
        else { return false }
        return subject.pipeline[..<position].contains { ShellPrograms.decoderName($0) != nil }
    }

    static func netcatExec(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard networkClients.contains(command.program), command.program != "socat", command.program != "telnet" else { return false }
        return command.hasFlag(short: "e", long: "exec") || command.hasFlag(short: "c", long: "sh-exec")
            || command.hasFlag(short: nil, long: "lua-exec")
    }

    static func socatExec(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "socat" else { return false }
        let addresses = command.operands.map { $0.lowercased() }
        let runs = addresses.contains { $0.hasPrefix("exec:") || $0.hasPrefix("system:") }
        let network = addresses.contains { address in
            ["tcp", "ssl", "openssl", "udp", "sctp"].contains { address.hasPrefix($0) }
        }
        return runs && network
    }

    static func interpreterSocketShell(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        let program = command.program
        guard program.hasPrefix("python") || program.hasPrefix("perl") || program.hasPrefix("ruby")
                || program.hasPrefix("php") || program.hasPrefix("lua") || program == "node" || program == "nodejs"
                || program == "awk" || program == "gawk" || program == "jrunscript"
        else { return false }
        let code = command.arguments.joined(separator: " ")
        let connects = ["socket", "fsockopen", "TCPSocket", "net.Socket", "require('net')", "require(\"net\")",
                        "/inet/tcp/", "IO::Socket", "net.connect", "createConnection"].contains { code.contains($0) }
        let runsShell = ["subprocess", "pty.spawn", "dup2", "os.system", "exec(", "exec ", "system(", "popen",
                         "/bin/sh", "/bin/bash", "sh -i", "child_process", "spawn(", "proc_open", "shell_exec",
                         "`", "IO.popen", "STDIN"].contains { code.contains($0) }
        return connects && runsShell
    }

    /// A network client and a shell reading its standard input in one
    /// pipeline, in either order (`nc h p | sh`, `cat f | sh -i | nc h p > f`).
    static func networkPipedShell(_ subject: Subject) -> Bool {
        guard subject.action == .executeShell, let command = subject.command, subject.pipeline.count >= 2,
              ShellPrograms.traits(of: command.program).contains(.shell), runsStandardInput(command)
        else { return false }
        return subject.pipeline.contains { stage in
            networkClients.contains(stage.program)
                || (stage.program == "openssl" && stage.arguments.first == "s_client")
        }
    }

    static func fifoWithNetwork(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        let isFifo = command.program == "mkfifo" || (command.program == "mknod" && command.operands.contains("p"))
        guard isFifo else { return false }
        let line = " " + context.subject.content + " "
        return [" nc ", "ncat", "netcat", "telnet", "s_client", "socat", "/dev/tcp/", "|nc ", "| nc "].contains { line.contains($0) }
    }

    /// `curl -d @~/.aws/credentials`, `-F f=@.env`, `-T ~/.ssh/id_rsa`, `wget --post-file=.netrc`.
    static func uploadsCredentialFile(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard downloaders.contains(command.program) || networkClients.contains(command.program) else { return false }
        var files: [String] = []
        var takesFile = false
        for argument in command.arguments {
            if takesFile { files.append(argument); takesFile = false }
            if ["-T", "--upload-file", "--post-file", "--body-file"].contains(argument) { takesFile = true; continue }
            for prefix in ["--post-file=", "--body-file=", "--upload-file="] where argument.hasPrefix(prefix) {
                files.append(String(argument.dropFirst(prefix.count)))
            }
            if let at = argument.firstIndex(of: "@") {
                files.append(String(argument[argument.index(after: at)...]))
            }
            if let lt = argument.firstIndex(of: "<"), argument.contains("=") {
                files.append(String(argument[argument.index(after: lt)...]))
            }
        }
        files += command.redirections.filter { !$0.writesTarget && $0.op.hasSuffix("<") }.map(\.target)
        return files.contains { CredentialPaths.isCredential(context.resolve($0.split(separator: ";").first.map(String.init) ?? $0)) }
    }

    static func environmentToNetwork(_ subject: Subject) -> Bool {
        guard subject.action == .executeShell, let command = subject.command else { return false }
        if downloaders.contains(command.program) || networkClients.contains(command.program) {
            if command.arguments.contains(where: { word in substitutedPrograms(in: word).contains { ["env", "printenv"].contains($0) } }) {
                return true
            }
            guard let position = subject.pipeline.firstIndex(of: command) else { return false }
            return subject.pipeline[..<position].contains { stage in
                (stage.program == "env" && stage.operands.isEmpty) || stage.program == "printenv"
                    || (stage.program == "export" && stage.arguments == ["-p"])
                    || (stage.program == "cat" && stage.operands.contains { $0.hasPrefix("/proc/") && $0.hasSuffix("/environ") })
            }
        }
        return false
    }
}

/// Files that hold credentials, as resolved absolute paths.
enum CredentialPaths {
    static let suffixes = [
        "/.aws/credentials", "/.netrc", "/.git-credentials", "/.docker/config.json", "/.kube/config", "/.npmrc",
        "/.pypirc", "/.pgpass", "/.vault-token", "/.env", "/etc/shadow", "/.config/gh/hosts.yml",
        "/application_default_credentials.json", "/.my.cnf", "/.boto", "/.s3cfg",
    ]
    static let fragments = ["/.ssh/id_", "/.config/gcloud/", "/.gnupg/", "/.azure/", "/.password-store/"]

    static func isCredential(_ path: String) -> Bool {
        if path.hasSuffix(".pub") { return false }
        if suffixes.contains(where: { path.hasSuffix($0) }) || fragments.contains(where: { path.contains($0) }) { return true }
        if let name = path.split(separator: "/").last, name.hasPrefix(".env.") {
            return !["example", "sample", "template", "dist", "defaults"].contains { name.hasSuffix($0) }
        }
        return false
    }
}
