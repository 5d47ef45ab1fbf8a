/// Git commands that rewrite or delete shared history, or throw away work.
enum GitDetectors {
    static let all: [any SubjectDetector] = [
        CommandDetector("git.force-push-protected", { c, _ in push(c).map { $0.force && $0.touchesProtected } ?? false }),
        CommandDetector("git.force-push-unnamed", { c, _ in push(c).map { $0.force && $0.unnamedDestination } ?? false }),
        CommandDetector("git.force-with-lease-protected", { c, _ in
            push(c).map { $0.lease && !$0.force && $0.touchesProtected } ?? false
        }),
        CommandDetector("git.delete-remote-protected", { c, _ in push(c).map { $0.deletesProtected } ?? false }),
        CommandDetector("git.delete-remote-branch", { c, _ in push(c).map { !$0.deleted.isEmpty } ?? false }),
        CommandDetector("git.push-mirror", { c, _ in push(c).map { $0.mirrorOrPrune } ?? false }),
        CommandDetector("git.reset-hard", { c, _ in
            guard let (sub, args) = subcommand(c), sub == "reset" else { return false }
            return args.contains("--hard")
        }),
        CommandDetector("git.clean-force", { c, _ in
            guard let (sub, args) = subcommand(c), sub == "clean" else { return false }
            let probe = SimpleCommand(programPath: "git", arguments: args)
            return probe.hasFlag(short: "f", long: "force") && !probe.hasFlag(short: "n", long: "dry-run")
        }),
        CommandDetector("git.rewrite-history", { c, _ in
            guard let (sub, args) = subcommand(c) else { return false }
            return sub == "filter-branch" || sub == "filter-repo"
                || (sub == "replace" && !args.contains("-l") && !args.contains("--list"))
        }),
        CommandDetector("git.destroy-recovery", { c, _ in
            guard let (sub, args) = subcommand(c) else { return false }
            switch sub {
            case "reflog": return args.first == "expire" || args.first == "delete"
            case "gc": return args.contains { $0 == "--prune=now" || $0 == "--prune=all" }
            case "prune": return args.contains { $0.hasPrefix("--expire") }
            case "stash": return args.first == "clear"
            default: return false
            }
        }),
        CommandDetector("git.delete-protected-branch", { c, _ in
            guard let (sub, args) = subcommand(c) else { return false }
            let probe = SimpleCommand(programPath: "git", arguments: args)
            if sub == "branch", probe.hasFlag(short: "D", long: nil) || (probe.hasFlag(short: "d", long: "delete") && probe.hasFlag(short: "f", long: "force")) {
                return probe.operands.contains(where: isProtected)
            }
            if sub == "update-ref", probe.hasFlag(short: "d", long: nil) {
                return probe.operands.contains { isProtected(branchName($0)) }
            }
            return false
        }),
    ]

    static let protectedNames: Set<String> = [
        "main", "master", "trunk", "develop", "development", "dev", "production", "prod", "stable", "release", "staging",
        "gh-pages",
    ]

    static func isProtected(_ branch: String) -> Bool {
        let name = branchName(branch)
        return protectedNames.contains(name) || name.hasPrefix("release/") || name.hasPrefix("release-")
            || name.hasPrefix("releases/") || name.hasPrefix("hotfix/")
    }

    static func branchName(_ ref: String) -> String {
        var name = ref
        for prefix in ["refs/heads/", "refs/remotes/origin/", "heads/"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// The subcommand after git's own options (`-C dir`, `-c k=v`, `--git-dir=`).
    static func subcommand(_ command: SimpleCommand) -> (String, [String])? {
        guard command.program == "git" else { return nil }
        var arguments = command.arguments[...]
        while let first = arguments.first, first.hasPrefix("-") {
            arguments = arguments.dropFirst()
            if ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"].contains(first) {
                arguments = arguments.dropFirst()
            }
        }
        guard let sub = arguments.first else { return nil }
        return (sub, Array(arguments.dropFirst()))
    }

    struct Push {
        var force = false
        var lease = false
        var mirrorOrPrune = false
        /// Destination branches written to.
        var destinations: [String] = []
        var deleted: [String] = []
        var unnamedDestination: Bool { destinations.isEmpty || destinations.contains("HEAD") }
        var touchesProtected: Bool { destinations.contains(where: GitDetectors.isProtected) }
        var deletesProtected: Bool { deleted.contains(where: GitDetectors.isProtected) }
    }

    static func push(_ command: SimpleCommand) -> Push? {
        guard let (sub, args) = subcommand(command), sub == "push" else { return nil }
        var result = Push()
        var deleteFlag = false
        var operands: [String] = []
        var skipNext = false
        for argument in args {
            if skipNext { skipNext = false; continue }
            switch argument {
            case "-f", "--force": result.force = true
            case "--mirror", "--prune": result.mirrorOrPrune = true
            case "-d", "--delete": deleteFlag = true
            case "-o", "--push-option", "--repo", "--receive-pack", "--exec": skipNext = true
            default:
                if argument.hasPrefix("--force-with-lease") || argument.hasPrefix("--force-if-includes") {
                    result.lease = true
                } else if argument.hasPrefix("--") {
                    continue
                } else if argument.hasPrefix("-"), !argument.hasPrefix("--") {
                    if argument.dropFirst().contains("f") { result.force = true }
                    if argument.dropFirst().contains("d") { deleteFlag = true }
                } else {
                    operands.append(argument)
                }
            }
        }
        for refspec in operands.dropFirst() {
            var spec = refspec
            if spec.hasPrefix("+") { result.force = true; spec.removeFirst() }
            if deleteFlag {
                result.deleted.append(branchName(spec))
                continue
            }
            if let colon = spec.firstIndex(of: ":") {
                let source = spec[..<colon]
                let destination = branchName(String(spec[spec.index(after: colon)...]))
                if source.isEmpty { result.deleted.append(destination) } else { result.destinations.append(destination) }
            } else {
                result.destinations.append(branchName(spec))
            }
        }
        if result.destinations.isEmpty, operands.count > 1, !result.deleted.isEmpty {
            // Only deletions: nothing is force-written.
            result.destinations = ["(deleted)"]
        }
        return result
    }
}
