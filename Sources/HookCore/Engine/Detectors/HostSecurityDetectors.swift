/// Turning off the host's own defences, hiding tracks, and raising privileges.
enum HostSecurityDetectors {
    static let all: [any SubjectDetector] = [
        CommandDetector("host.selinux-disable", { c, _ in
            (c.program == "setenforce" && ["0", "permissive"].contains(c.operands.first?.lowercased() ?? ""))
                || (c.program == "setsebool" && c.operands.contains { $0.hasPrefix("secure_mode") })
        }),
        CommandDetector("host.firewall-disable", firewallDisable),
        CommandDetector("host.security-service-stop", securityServiceStop),
        CommandDetector("host.audit-disable", { c, _ in
            c.program == "auditctl" && (c.arguments.contains("-D") || zip(c.arguments, c.arguments.dropFirst()).contains { $0 == "-e" && $1 == "0" })
        }),
        CommandDetector("host.apparmor-disable", { c, _ in
            ["aa-teardown", "aa-disable", "aa-complain"].contains(c.program)
                || (c.program == "apparmor_parser" && c.hasFlag(short: "R", long: "remove"))
        }),
        CommandDetector("host.macos-protection-disable", macOSProtection),
        CommandDetector("host.defender-disable", { c, _ in
            let text = c.arguments.joined(separator: " ").lowercased()
            return ["pwsh", "powershell", "powershell.exe"].contains(c.program.lowercased())
                && (text.contains("set-mppreference") && text.contains("-disable") || text.contains("add-mppreference -exclusionpath"))
        }),
        CommandDetector("host.kernel-hardening-off", { c, _ in
            guard c.program == "sysctl" else { return false }
            return c.operands.contains { setting in
                ["kernel.randomize_va_space=0", "kernel.yama.ptrace_scope=0", "kernel.kptr_restrict=0",
                 "kernel.dmesg_restrict=0", "fs.protected_symlinks=0", "fs.protected_hardlinks=0"].contains(setting.replacingSpaces())
            }
        }),
        CommandDetector("host.setuid-shell", setuidShell),
        CommandDetector("host.user-privilege", userPrivilege),
        CommandDetector("host.log-wipe", { c, _ in
            (c.program == "journalctl" && c.arguments.contains { $0.hasPrefix("--vacuum") })
                || (c.program == "wevtutil" && c.operands.first?.lowercased() == "cl")
        }),
        CommandDetector("host.history-clear", { c, _ in
            c.program == "history" && (c.hasFlag(short: "c", long: nil) || c.hasFlag(short: "w", long: nil) && c.operands.contains("/dev/null")
                || c.hasFlag(short: "d", long: nil))
        }),
        CommandDetector("host.history-disable", historyDisable),
    ]

    static let securityUnits: Set<String> = [
        "auditd", "apparmor", "firewalld", "ufw", "iptables", "ip6tables", "nftables", "falco", "osqueryd", "osquery",
        "falcon-sensor", "wazuh-agent", "ossec", "clamav-daemon", "clamd", "sentinelone", "sentinelagent", "cbagentd",
        "auditbeat", "fail2ban", "aide", "rsyslog", "syslog", "systemd-journald", "selinux", "crowdstrike", "mdatp",
        "elastic-agent", "amazon-ssm-agent", "td-agent", "filebeat",
    ]

    static func unitName(_ word: String) -> String {
        var name = word
        for suffix in [".service", ".socket", ".target"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        return name
    }

    static func securityServiceStop(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch c.program {
        case "systemctl":
            guard let verb = c.operands.first, ["stop", "disable", "mask", "kill"].contains(verb) else { return false }
            return c.operands.dropFirst().contains { securityUnits.contains(unitName($0)) }
        case "service":
            return c.operands.count >= 2 && securityUnits.contains(unitName(c.operands[0]))
                && ["stop", "disable"].contains(c.operands[1])
        case "update-rc.d", "chkconfig":
            return c.operands.count >= 2 && securityUnits.contains(c.operands[0]) && ["disable", "remove", "off"].contains(c.operands[1])
        case "pkill", "killall":
            return c.operands.contains { securityUnits.contains($0) }
        case "launchctl":
            guard let verb = c.operands.first, ["unload", "bootout", "disable", "remove"].contains(verb) else { return false }
            return c.operands.dropFirst().contains { $0.contains("com.apple.alf") || $0.contains("com.crowdstrike")
                || $0.contains("com.apple.security") || $0.contains("xprotect") || $0.contains("com.sentinelone") }
        default:
            return false
        }
    }

    static func firewallDisable(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch c.program {
        case "ufw":
            return c.operands.first == "disable" || c.operands.first == "reset"
        case "iptables", "ip6tables", "iptables-legacy", "iptables-nft":
            if c.hasFlag(short: "F", long: "flush") || c.hasFlag(short: "X", long: "delete-chain") { return true }
            return zip(c.arguments, c.arguments.dropFirst(2)).contains { $0 == "-P" && $1 == "ACCEPT" }
                || (c.arguments.contains("-P") && c.arguments.last == "ACCEPT")
        case "nft":
            return c.operands.starts(with: ["flush", "ruleset"]) || (c.operands.first == "delete" && c.operands.dropFirst().first == "table")
        case "pfctl":
            return c.hasFlag(short: "d", long: nil) || (c.hasFlag(short: "F", long: nil) && c.operands.contains("all"))
        case "netsh":
            let text = c.arguments.joined(separator: " ").lowercased()
            return text.contains("advfirewall") && text.contains("state off")
        case "socketfilterfw":
            return c.arguments.contains("--setglobalstate") && c.arguments.contains("off")
        case "firewall-cmd":
            return c.arguments.contains { $0.hasPrefix("--set-default-zone=trusted") }
        default:
            return false
        }
    }

    static func macOSProtection(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch c.program {
        case "spctl":
            return c.arguments.contains("--master-disable") || c.arguments.contains("--global-disable")
                || c.arguments.contains("--disable") && c.operands.isEmpty
        case "csrutil":
            return c.operands.first == "disable" || (c.operands.first == "authenticated-root" && c.operands.contains("disable"))
        case "defaults":
            let text = c.arguments.joined(separator: " ")
            return text.contains("LSQuarantine") && (text.contains("false") || text.contains("NO") || text.contains(" 0"))
        case "nvram":
            return c.arguments.contains { $0.contains("csr-active-config") }
        default:
            return false
        }
    }

    static let shellsAndInterpreters: Set<String> = ShellPrograms.shells.union(["python", "python3", "perl", "ruby", "env", "find", "vim", "less", "awk"])

    static func setuidShell(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        guard c.program == "chmod", let mode = c.operands.first, c.operands.count >= 2 else { return false }
        let setuid = mode.contains("+s") || mode.contains("u+s") || mode.contains("g+s")
            || (mode.count == 4 && (mode.hasPrefix("4") || mode.hasPrefix("6") || mode.hasPrefix("2")) && mode.allSatisfy(\.isNumber))
        guard setuid else { return false }
        return c.operands.dropFirst().contains { shellsAndInterpreters.contains(SimpleCommand.programName(fromPath: $0)) }
    }

    static func userPrivilege(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch c.program {
        case "usermod", "gpasswd", "adduser", "addgroup", "dseditgroup":
            let admin: Set<String> = ["sudo", "wheel", "admin", "root", "docker"]
            let words = c.arguments.flatMap { $0.split(separator: ",").map(String.init) }
            return words.contains(where: admin.contains) && (c.program != "adduser" || c.operands.count >= 2 || c.arguments.contains("-G"))
        case "useradd":
            return c.hasFlag(short: "o", long: "non-unique") || zip(c.arguments, c.arguments.dropFirst()).contains { $0 == "-u" && $1 == "0" }
        case "passwd":
            return c.hasFlag(short: "d", long: "delete") || c.hasFlag(short: "u", long: "unlock") && c.operands.contains("root")
        case "visudo":
            return true
        default:
            return false
        }
    }

    static let historyVariables: Set<String> = ["HISTFILE", "HISTSIZE", "HISTFILESIZE", "SAVEHIST"]

    static func historyDisable(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        func silences(_ name: String, _ value: String) -> Bool {
            guard historyVariables.contains(name) else { return false }
            return name == "HISTFILE" ? (value.isEmpty || value == "/dev/null") : value == "0"
        }
        if c.program.isEmpty || c.program == "export" || c.program == "declare" || c.program == "typeset" || c.program == "readonly" {
            if c.assignments.contains(where: { silences($0.key, $0.value) }) { return true }
            for argument in c.arguments {
                guard let equals = argument.firstIndex(of: "=") else { continue }
                if silences(String(argument[..<equals]), String(argument[argument.index(after: equals)...])) { return true }
            }
        }
        if c.program == "unset" { return c.operands.contains { $0 == "HISTFILE" } }
        if c.program == "set" { return zip(c.arguments, c.arguments.dropFirst()).contains { $0 == "+o" && $1 == "history" } }
        if c.program == "shopt" { return c.arguments.contains("-u") && c.operands.contains("history") }
        return false
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
