import ArgumentParser
import HookCore

@main
struct GatehouseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse",
        abstract: "Gatehouse: governance for AI coding agents.",
        discussion: """
            Gatehouse runs inside the hook path of Claude Code. This command is for people: check an \
            installation, and (in later versions) inspect policies and the audit trail.
            """,
        version: Gatehouse.version,
        subcommands: [VersionCommand.self, DoctorCommand.self, AuditCommand.self, FleetCommand.self]
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the Gatehouse version.")
    func run() { print("gatehouse \(Gatehouse.version)") }
}
