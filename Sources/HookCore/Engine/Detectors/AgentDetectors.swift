/// Commands that switch off the governance of an agent: launching one with
/// its approvals bypassed, or removing the plugin that hosts Gatehouse.
enum AgentDetectors {
    static let all: [any SubjectDetector] = [
        CommandDetector("agent.bypass-permissions", { c, _ in
            if c.arguments.contains(where: bypassFlags.contains) { return true }
            if c.arguments.contains("--permission-mode"), c.arguments.contains("bypassPermissions") { return true }
            return c.arguments.contains("--permission-mode=bypassPermissions")
        }),
        CommandDetector("agent.plugin-remove", { c, _ in
            guard ["claude", "codex", "cursor", "cursor-agent"].contains(c.program) else { return false }
            let words = c.operands
            guard words.first == "plugin" || words.first == "plugins" || words.first == "mcp" else { return false }
            let verb = words.dropFirst().first ?? ""
            let target = words.dropFirst(2).joined(separator: " ").lowercased()
            return ["disable", "uninstall", "remove", "rm"].contains(verb) && (words.first != "mcp" || target.contains("gatehouse"))
        }),
        CommandDetector("agent.gatehouse-off", { c, _ in
            // The hook reads GATEHOUSE_MODE from its own environment; exporting it
            // in a shell changes nothing, but asking to is a request to stop being governed.
            guard c.program.isEmpty || c.program == "export" || c.program == "launchctl" || c.program == "setenv"
                    || c.program == "claude" || c.program == "codex"
            else { return false }
            let assignments = c.assignments.merging(
                c.arguments.compactMap { word -> (String, String)? in
                    guard let eq = word.firstIndex(of: "=") else { return nil }
                    return (String(word[..<eq]), String(word[word.index(after: eq)...]))
                }, uniquingKeysWith: { a, _ in a })
            if let mode = assignments["GATEHOUSE_MODE"], mode != "enforce" { return true }
            return c.program == "launchctl" && c.operands.contains("GATEHOUSE_MODE")
        }),
    ]

    static let bypassFlags: Set<String> = [
        "--dangerously-skip-permissions", "--dangerously-bypass-approvals-and-sandbox", "--yolo",
        "--allow-dangerously-skip-permissions",
    ]
}
