import Foundation
import Testing

/// The real Claude Code CLI, a scripted model and the plugin at plugins/claude
/// (loaded with --plugin-dir): what the model sees after Gatehouse's hooks ran.
@Suite(
    "Claude Code end to end: hooks",
    .enabled(if: EndToEndGate.shouldRun, EndToEndGate.skipComment),
    .timeLimit(.minutes(5)))
struct ClaudeHookEndToEndTests {
    @Test("rm -rf $HOME is blocked and the model receives the decision id")
    func dangerousCommandIsBlocked() async throws {
        try EndToEndGate.requirePrerequisites()
        try await ClaudeSandbox.with { sandbox in
            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(
                script: .bash("rm -rf $HOME"), pluginDir: RepoPaths.claudePlugin)

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            // Claude Code's own rm guard also refuses this command, so a surviving canary
            // alone proves nothing: the decision id shows that Gatehouse made the call.
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(result.isError, "\(run.diagnosis)")
            let id = try #require(result.text.firstMatch(of: /gh_[0-9a-z]+/), "no Gatehouse decision id in the tool_result\n\(run.diagnosis)")
            // The decision the model was told about is the one on record.
            let audit = (try? String(contentsOf: sandbox.auditLog, encoding: .utf8)) ?? ""
            #expect(audit.contains(String(id.output)), "decision \(id.output) not in the audit log \(sandbox.auditLog.path)")
        }
    }

    @Test("a benign command runs and its output reaches the model")
    func benignCommandRuns() async throws {
        try EndToEndGate.requirePrerequisites()
        try await ClaudeSandbox.with { sandbox in
            let token = "gatehouse-ok-\(randomString(length: 12, from: "abcdefghijklmnopqrstuvwxyz0123456789"))"
            let run = try await sandbox.runPrompt(
                script: .bash("echo \(token)"), pluginDir: RepoPaths.claudePlugin)

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(!result.isError, "\(run.diagnosis)")
            #expect(result.text.contains(token), "\(run.diagnosis)")
            // Guards against a vacuous pass: both hooks really ran, and succeeded.
            #expect(run.hookFinished("PreToolUse:Bash", plugin: "gatehouse@"), "\(run.hookLines)")
            #expect(run.hookFinished("PostToolUse:Bash", plugin: "gatehouse@"), "\(run.hookLines)")
            let stray = run.strayRequests.map { "\($0.method) \($0.path)" }
            #expect(stray.isEmpty, "claude tried to reach beyond the loopback (refused by the test proxy)")
        }
    }

    @Test("an AWS access key id and an e-mail address in command output are redacted")
    func secretsInOutputAreRedacted() async throws {
        try EndToEndGate.requirePrerequisites()
        try await ClaudeSandbox.with { sandbox in
            // AWS key ids are AKIA + 16 base-32 characters.
            let key = "AKIA" + randomString(length: 16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
            let email = "jane.doe.\(randomString(length: 6, from: "abcdefghijklmnopqrstuvwxyz"))@example.com"
            // The values live in a file, so the command line itself holds no secret
            // (that would be a PreToolUse matter, not this test's).
            try "deploy key \(key) owned by \(email)\n"
                .write(to: sandbox.work.appendingPathComponent("build-output.txt"), atomically: true, encoding: .utf8)
            let run = try await sandbox.runPrompt(
                script: .bash("cat build-output.txt"), pluginDir: RepoPaths.claudePlugin)

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "the model got no tool_result\n\(run.diagnosis)")
            #expect(result.text.contains("[REDACTED:aws_access_key]"), "\(run.diagnosis)")
            #expect(result.text.contains("[REDACTED:email]"), "\(run.diagnosis)")
            #expect(!result.text.contains(key), "\(run.diagnosis)")
            #expect(!result.text.contains(email), "\(run.diagnosis)")
            // Nothing the model server received, side requests included, holds the values.
            let leaks = run.requests
                .filter { $0.rawLine.contains(key) || $0.rawLine.contains(email) }
                .map { "\($0.kind) request \($0.path)" }
            #expect(leaks.isEmpty, "raw values reached the model")
        }
    }
}

extension ClaudeSandbox {
    /// A file in HOME that a successful `rm -rf $HOME` would take with it.
    func plantCanary() throws -> URL {
        let canary = home.appendingPathComponent("gatehouse-canary.txt")
        try "if this file is gone, a recursive delete of HOME ran\n"
            .write(to: canary, atomically: true, encoding: .utf8)
        return canary
    }
}

extension ClaudePrintRun {
    /// The hook lines of claude's debug log, e.g.
    /// `Hooks: PreToolUse:Bash [<command>] (plugin gatehouse@inline) finished with status 0 (12ms)`.
    var hookLines: String {
        debugLog.split(separator: "\n").filter { $0.contains("Hook") }.joined(separator: "\n")
    }

    func hookFinished(_ event: String, plugin: String) -> Bool {
        debugLog.split(separator: "\n").contains {
            $0.contains("\(event) [") && $0.contains("(plugin \(plugin)") && $0.contains("finished with status 0")
        }
    }
}

func randomString(length: Int, from alphabet: String) -> String {
    let chars = Array(alphabet)
    return String((0..<length).map { _ in chars.randomElement()! })
}
