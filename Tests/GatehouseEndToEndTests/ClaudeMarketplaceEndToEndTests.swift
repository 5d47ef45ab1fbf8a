import Foundation
import Testing

/// Installing Gatehouse the way a user would (the repository root as a marketplace),
/// and the CLI's own validator on the committed plugin and catalog.
@Suite(
    "Claude Code end to end: marketplace and validation",
    .enabled(if: EndToEndGate.shouldRun, EndToEndGate.skipComment),
    .timeLimit(.minutes(5)))
struct ClaudeMarketplaceEndToEndTests {
    @Test("installed from the repository marketplace, the hook blocks without --plugin-dir")
    func marketplaceInstallBlocks() async throws {
        try EndToEndGate.requirePrerequisites()
        try await ClaudeSandbox.with { sandbox in
            let add = try await sandbox.claude(["plugin", "marketplace", "add", RepoPaths.root.path])
            try #require(add.exitCode == 0, "\(add.summary)\n\(add.stdout)")
            let install = try await sandbox.claude(["plugin", "install", "gatehouse@gatehouse"])
            try #require(install.exitCode == 0, "\(install.summary)\n\(install.stdout)")

            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), pluginDir: nil)

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "no Gatehouse decision id in the tool_result\n\(run.diagnosis)")
            // The installed copy decided, not a plugin loaded some other way.
            #expect(run.hookLines.contains("(plugin gatehouse@gatehouse)"), "\(run.hookLines)")
        }
    }

    @Test("`claude plugin validate --profile directory plugins/claude` reports nothing")
    func pluginValidatesClean() async throws {
        try EndToEndGate.requirePrerequisites(hookBinary: false)
        try await ClaudeSandbox.with { sandbox in
            let report = try await sandbox.validate(["--profile", "directory", RepoPaths.claudePlugin.path])
            #expect(report.outcome.exitCode == 0, "\(report.diagnosis)")
            #expect(report.succeeded, "\(report.diagnosis)")
            #expect(report.problems.isEmpty, "\(report.diagnosis)")
        }
    }

    @Test("`claude plugin validate .` on the repository marketplace reports nothing")
    func marketplaceValidatesClean() async throws {
        try EndToEndGate.requirePrerequisites(hookBinary: false)
        try await ClaudeSandbox.with { sandbox in
            let report = try await sandbox.validate(["."], in: RepoPaths.root)
            #expect(report.outcome.exitCode == 0, "\(report.diagnosis)")
            #expect(report.succeeded, "\(report.diagnosis)")
            #expect(report.problems.isEmpty, "\(report.diagnosis)")
        }
    }
}
