/// Commands that destroy the system or the user's data wholesale: recursive
/// deletes of critical directories, disk and partition writes, fork bombs,
/// recursive permission changes at the top of the tree.
enum DestructionDetectors {
    static let all: [any SubjectDetector] = [
        SubjectTestDetector("shell.recursive-delete-root", { subject, context in
            recursiveDeleteTargets(subject, context).contains { CriticalPaths.isRoot($0) }
        }),
        SubjectTestDetector("shell.recursive-delete-home", { subject, context in
            recursiveDeleteTargets(subject, context).contains { CriticalPaths.isHome($0, home: context.home) }
        }),
        CommandDetector("shell.recursive-delete-system", recursiveDeleteSystem),
        CommandDetector("shell.delete-system-path", deleteInsideSystemTree),
        CommandDetector("shell.find-delete-critical", findDeleteCritical),
        CommandDetector("shell.rsync-delete-critical", rsyncDeleteCritical),
        CommandDetector("shell.move-critical", moveCritical),
        CommandDetector("shell.disk-write", diskWrite),
        CommandDetector("shell.redirect-to-device", redirectToDevice),
        CommandDetector("shell.format-device", formatDevice),
        CommandDetector("shell.partition-device", partitionDevice),
        CommandDetector("shell.wipefs", wipeSignatures),
        CommandDetector("shell.shred-critical", shredCritical),
        CommandDetector("shell.shred-file", shredFile),
        SubjectTestDetector("shell.fork-bomb", forkBomb),
        CommandDetector("shell.chmod-recursive-critical", chmodRecursiveCritical),
        CommandDetector("shell.chown-recursive-critical", chownRecursiveCritical),
        CommandDetector("shell.kill-all-processes", killAll),
        CommandDetector("shell.power-off", powerOff),
        CommandDetector("shell.crontab-remove", { c, _ in c.program == "crontab" && c.hasFlag(short: "r", long: nil) }),
    ]

    static func isRecursive(_ command: SimpleCommand) -> Bool {
        command.hasFlag(short: "r", long: "recursive") || command.hasFlag(short: "R", long: nil)
    }

    /// Resolved targets of a recursive `rm`, including what `xargs` feeds it
    /// from an `echo`/`printf` earlier in the pipeline or a here-string.
    static func recursiveDeleteTargets(_ subject: Subject, _ context: DetectorContext) -> [String] {
        guard subject.action == .executeShell, let command = subject.command, command.program == "rm", isRecursive(command)
        else { return [] }
        var operands = command.operands
        if command.wrappers.contains("xargs") {
            if let position = subject.pipeline.firstIndex(of: command) {
                for stage in subject.pipeline[..<position] where stage.program == "echo" || stage.program == "printf" {
                    operands += stage.operands.flatMap { $0.split(separator: " ").map(String.init) }
                }
            }
            for redirection in command.redirections where redirection.op == "<<<" {
                operands += redirection.target.split(separator: " ").map(String.init)
            }
        }
        return operands.map(context.resolve)
    }

    static func recursiveDeleteSystem(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "rm" || command.program == "rmdir" || command.program == "srm" else { return false }
        guard isRecursive(command) || command.program == "rmdir" else { return false }
        return command.operands.contains { operand in
            let path = context.resolve(operand)
            return CriticalPaths.isCritical(path, home: nil) && !CriticalPaths.isRoot(path)
        }
    }

    /// `rm -rf /usr/lib/x`: not the whole directory, still the system's files.
    static func deleteInsideSystemTree(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "rm", isRecursive(command) else { return false }
        return command.operands.contains { CriticalPaths.isInsideSystemTree(context.resolve($0)) }
    }

    /// The paths `find` starts from: operands before the first expression word.
    static func findRoots(_ command: SimpleCommand) -> [String] {
        var roots: [String] = []
        for argument in command.arguments {
            if argument.hasPrefix("-") || argument == "(" || argument == "!" {
                if ["-H", "-L", "-P"].contains(argument) { continue }
                break
            }
            roots.append(argument)
        }
        return roots
    }

    static func findDeleteCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "find" || command.program == "fd" || command.program == "fdfind" else { return false }
        let deletes = command.arguments.contains("-delete")
            || zip(command.arguments, command.arguments.dropFirst()).contains { option, program in
                ["-exec", "-execdir", "-ok", "-okdir", "-x", "--exec", "-X", "--exec-batch"].contains(option)
                    && ["rm", "shred", "unlink", "/bin/rm", "/usr/bin/rm"].contains(program)
            }
        guard deletes else { return false }
        let roots = command.program == "find" ? findRoots(command) : Array(command.operands.dropFirst())
        return roots.contains { context.isCritical($0) }
    }

    static func rsyncDeleteCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "rsync", command.arguments.contains(where: { $0.hasPrefix("--delete") }),
              let destination = command.operands.last, command.operands.count >= 2
        else { return false }
        return context.isCritical(destination)
    }

    static func moveCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "mv", command.operands.count >= 2 else { return false }
        return command.operands.dropLast().contains { context.isCritical($0) }
    }

    static func diskWrite(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch command.program {
        case "dd":
            return command.arguments.contains { $0.hasPrefix("of=") && CriticalPaths.isDevice(String($0.dropFirst(3))) }
        case "cp", "mv", "install", "pv", "ddrescue", "dcfldd":
            guard let last = command.operands.last, command.operands.count >= 2 else {
                return command.arguments.contains { $0.hasPrefix("of=") && CriticalPaths.isDevice(String($0.dropFirst(3))) }
            }
            return CriticalPaths.isDevice(last)
        case "tee":
            return command.operands.contains { CriticalPaths.isDevice($0) }
        default:
            return false
        }
    }

    static func redirectToDevice(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        command.redirections.contains { $0.writesTarget && CriticalPaths.isDevice($0.target) }
    }

    static func isFormatter(_ program: String) -> Bool {
        program.hasPrefix("mkfs") || program.hasPrefix("newfs")
            || ["mke2fs", "mkswap", "mkdosfs", "mkntfs", "mkexfatfs", "mformat"].contains(program)
    }

    static func formatDevice(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        if isFormatter(command.program) { return command.operands.contains { CriticalPaths.isDevice($0) } }
        if command.program == "diskutil", let verb = command.operands.first?.lowercased() {
            return ["erasedisk", "erasevolume", "zerodisk", "randomdisk", "securerase", "secureerase",
                    "partitiondisk", "reformat", "apfs"].contains(verb)
                && !(verb == "apfs" && !command.operands.dropFirst().contains { $0.lowercased().hasPrefix("delete") })
        }
        return command.program == "blkdiscard" && command.operands.contains { CriticalPaths.isDevice($0) }
    }

    static func partitionDevice(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard ["fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "parted", "gparted"].contains(command.program),
              command.operands.contains(where: { CriticalPaths.isDevice($0) })
        else { return false }
        let listing = command.hasFlag(short: "l", long: "list") || command.hasFlag(short: "p", long: "print")
            || command.arguments.contains("print") || command.hasFlag(short: nil, long: "dump")
            || command.hasFlag(short: "d", long: nil) && command.program == "sfdisk"
        return !listing
    }

    static func wipeSignatures(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        command.program == "wipefs" && (command.hasFlag(short: "a", long: "all") || command.hasFlag(short: "o", long: "offset"))
    }

    static func shredCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "shred" || command.program == "srm" || command.program == "wipe" else { return false }
        return command.operands.contains { operand in
            let path = context.resolve(operand)
            return CriticalPaths.isDevice(path) || CriticalPaths.isCritical(path, home: context.home)
                || CriticalPaths.isInsideSystemTree(path)
        }
    }

    static func shredFile(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        (command.program == "shred" || command.program == "srm") && !command.operands.isEmpty
    }

    /// `:(){ :|:& };:` and its renamings: a function that starts copies of
    /// itself in the background or through a pipe; also the interpreter forms.
    static func forkBomb(_ subject: Subject, _ context: DetectorContext) -> Bool {
        guard subject.action == .executeShell, let command = subject.command else { return false }
        if subject.recursiveFunctions.contains(command.program) { return true }
        let program = command.program
        guard program.hasPrefix("perl") || program.hasPrefix("python") || program.hasPrefix("ruby")
                || program.hasPrefix("php") || program == "node"
        else { return false }
        let code = command.arguments.joined(separator: " ")
        return code.contains("fork while fork") || code.contains("fork while 1") || code.contains("fork() while")
            || (code.contains("while") && code.contains("os.fork()") && !code.contains("break"))
            || code.contains("loop { fork }") || code.contains("loop{fork}")
    }

    static func chmodRecursiveCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "chmod" || command.program == "chattr" || command.program == "setfacl",
              isRecursive(command)
        else { return false }
        return command.operands.dropFirst().contains { context.isCritical($0) }
    }

    static func chownRecursiveCritical(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard command.program == "chown" || command.program == "chgrp", isRecursive(command) else { return false }
        let targets = command.arguments.contains(where: { $0.hasPrefix("--reference") }) ? command.operands : Array(command.operands.dropFirst())
        return targets.contains { context.isCritical($0) }
    }

    static func killAll(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch command.program {
        case "kill":
            let pids = command.arguments.filter { !$0.hasPrefix("-") || $0 == "-1" }
            // `kill -1` alone is a signal number; `kill -9 -1` signals every process.
            let targetsAll = command.arguments.count >= 2 && command.arguments.last == "-1"
            return targetsAll || pids.contains("1")
        case "killall5":
            return true
        case "pkill", "killall":
            return command.operands.contains { ["init", "systemd", "launchd", "sshd"].contains($0) }
                || (command.hasFlag(short: "u", long: "user") && command.arguments.contains("root") && command.operands.count <= 1
                    && command.program == "killall")
        default:
            return false
        }
    }

    static func powerOff(_ command: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch command.program {
        case "shutdown", "reboot", "halt", "poweroff":
            return !command.hasFlag(short: nil, long: "help") && !command.hasFlag(short: "c", long: nil)
        case "init", "telinit":
            return ["0", "6"].contains(command.operands.first ?? "")
        case "systemctl":
            return command.operands.contains { ["poweroff", "reboot", "halt", "kexec", "rescue", "emergency"].contains($0) }
        default:
            return false
        }
    }
}
