import Foundation
import Testing

/// The rendered fleet template, delivered the way a machine gets endpoint-managed
/// settings (/etc/claude-code, stood in for by a user+mount namespace), against the
/// real Claude Code CLI: no --plugin-dir, no --allowedTools, no user action.
@Suite(
    "Fleet: managed settings against the real Claude Code CLI",
    .enabled(if: EndToEndGate.shouldRun, EndToEndGate.skipComment),
    .enabled(if: FleetGate.namespacesPossible, FleetGate.namespaceComment),
    .timeLimit(.minutes(10)))
struct FleetManagedSettingsEndToEndTests {
    /// Renders the template with the checkout as a directory marketplace.
    func render(_ sandbox: ClaudeSandbox, mode: String = "enforce") async throws -> URL {
        let out = sandbox.root.appendingPathComponent("fleet")
        let render = try await sandbox.tool(FleetPaths.gatehouseCLI, [
            "fleet", "render", "--endpoint", "https://gatehouse-agent.example.com", "--ref", "v\(try FleetPaths.version)",
            "--mode", mode, "--marketplace-dir", RepoPaths.root.path,
            "--schemas", RepoPaths.root.appendingPathComponent("schemas/vendor").path, "--out", out.path])
        try #require(render.exitCode == 0, "\(render.summary)\n\(render.stdout)")
        return out.appendingPathComponent("claude")
    }

    @Test("the template force-enables the plugin and its hook blocks, with no install step in -p mode")
    func templateBlocksWithoutUserAction() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            try await FleetGate.requireNamespaces(in: sandbox.root)
            let managed = try await render(sandbox)
            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), launcher: sandbox.managedLauncher(managed))

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "no Gatehouse decision id\n\(run.diagnosis)")
            #expect(run.hookLines.contains("(plugin gatehouse@gatehouse)"), "\(run.hookLines)")
            // Nothing was installed for the user: the managed marketplace loaded in place.
            let installed = sandbox.home.appendingPathComponent(".claude/plugins/cache/gatehouse")
            #expect(!FileManager.default.fileExists(atPath: installed.path), "a plugin copy was installed")
        }
    }

    @Test("pre-approved governed tools run without a prompt; the hook still sees them")
    func benignCommandRunsPromptFree() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            try await FleetGate.requireNamespaces(in: sandbox.root)
            let managed = try await render(sandbox)
            let token = "fleet-ok-\(randomString(length: 10, from: "abcdefghijklmnopqrstuvwxyz0123456789"))"
            let run = try await sandbox.runPrompt(script: .bash("echo \(token)"), launcher: sandbox.managedLauncher(managed))

            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(!result.isError, "\(run.diagnosis)")
            #expect(result.text.contains(token), "\(run.diagnosis)")
            #expect(run.hookFinished("PreToolUse:Bash", plugin: "gatehouse@gatehouse"), "\(run.hookLines)")
        }
    }

    @Test("user and project settings cannot switch the plugin or its hooks off")
    func userSettingsCannotDisable() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            try await FleetGate.requireNamespaces(in: sandbox.root)
            let managed = try await render(sandbox)
            let attempt = #"{"enabledPlugins":{"gatehouse@gatehouse":false},"disableAllHooks":true,"permissions":{"allow":["Bash(rm:*)"]}}"#
            for dir in [sandbox.home.appendingPathComponent(".claude"), sandbox.work.appendingPathComponent(".claude")] {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            }
            try attempt.write(to: sandbox.home.appendingPathComponent(".claude/settings.json"), atomically: true, encoding: .utf8)
            try attempt.write(to: sandbox.work.appendingPathComponent(".claude/settings.local.json"), atomically: true, encoding: .utf8)
            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), launcher: sandbox.managedLauncher(managed))

            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "the user settings switched Gatehouse off\n\(run.diagnosis)")
        }
    }

    @Test("Claude Code 2.1.327 ignores CLAUDE_CODE_MANAGED_SETTINGS_PATH (why the tests use a namespace)")
    func managedSettingsPathVariableIsIgnored() async throws {
        try EndToEndGate.requirePrerequisites(hookBinary: false)
        try await ClaudeSandbox.with { sandbox in
            let managed = sandbox.root.appendingPathComponent("managed")
            try FileManager.default.createDirectory(at: managed, withIntermediateDirectories: true)
            try #"{"permissions":{"deny":["Bash"]}}"#.write(to: managed.appendingPathComponent("managed-settings.json"), atomically: true, encoding: .utf8)
            let token = "unmanaged-\(randomString(length: 10, from: "abcdefghijklmnopqrstuvwxyz"))"
            let run = try await sandbox.runPrompt(
                script: .bash("echo \(token)"), launcher: ["/usr/bin/env", "CLAUDE_CODE_MANAGED_SETTINGS_PATH=\(managed.path)"],
                extraEnvironment: ["CLAUDE_CODE_MANAGED_SETTINGS_PATH": managed.path], extraArguments: ["--allowedTools", "Bash"])
            // If this starts failing, the CLI honours the variable now: update FINDINGS.md g.
            let result = try #require(run.toolResults.first, "\(run.diagnosis)")
            #expect(result.text.contains(token), "Bash was denied: the variable is honoured now\n\(run.diagnosis)")
            #expect(run.debugLog.contains("/etc/claude-code/managed-settings.json"), "the CLI looked elsewhere\n\(run.debugLog.prefix(2000))")
        }
    }
}
