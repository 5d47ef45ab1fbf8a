import ArgumentParser
import HookCore

@main
struct GatehouseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse",
        abstract: "Gatehouse: governance for AI coding agents.",
        discussion: """
            Gatehouse runs inside the hook path of Claude Code, Codex and Cursor. This command is for \
            people: check an installation, inspect and test policies, read the audit trail, and serve \
            the advisory tools to agents over MCP.
            """,
        version: Gatehouse.version,
        subcommands: [VersionCommand.self, DoctorCommand.self, PolicyCommand.self, AuditCommand.self, MCPCommand.self]
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the Gatehouse version.")
    func run() { print("gatehouse \(Gatehouse.version)") }
}
