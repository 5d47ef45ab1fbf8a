import Foundation
import Testing

/// The real Codex CLI (`codex exec`, PyPI openai-codex-cli-bin, see
/// scripts/install-codex-cli.sh) against a scripted Responses API server on
/// 127.0.0.1: what the model receives after Gatehouse's hooks ran.
///
/// Hook trust: Codex skips hooks nobody trusted. These tests establish trust the
/// way a user would, with `gatehouse-codex install --trust` (or `--plugin` after a
/// marketplace install), which asks Codex itself (`codex app-server`, hooks/list)
/// for the hooks' keys and hashes and records them in config.toml. The bypass flag
/// `--dangerously-bypass-hook-trust` is never used here.
@Suite(
    "Codex end to end",
    .enabled(if: CodexGate.shouldRun, CodexGate.skipComment),
    .timeLimit(.minutes(5)))
struct CodexEndToEndTests {
    /// Installs hooks.json + MCP block into the sandbox's CODEX_HOME and trusts the hooks.
    func install(_ sandbox: CodexSandbox) async throws {
        let outcome = try await sandbox.run(
            RepoPaths.codexHookBinary,
            ["install", "--codex-home", sandbox.codexHome.path, "--trust", "--codex", RepoPaths.codexBinary.path])
        try #require(outcome.exitCode == 0, "\(outcome.summary)\n\(outcome.stdout)")
        #expect(outcome.stdout.contains("trusted "), "\(outcome.stdout)")
    }

    func plantCredentials(_ sandbox: CodexSandbox) throws -> String {
        let canary = "CANARY" + randomString(length: 16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let aws = sandbox.home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try "[default]\naws_secret_access_key = \(canary)\n".write(
            to: aws.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        return canary
    }

    @Test("reading a canary credential file is blocked; the model gets the reason with the decision id")
    func credentialReadIsBlocked() async throws {
        try CodexGate.requirePrerequisites()
        try await CodexSandbox.with { sandbox in
            try await install(sandbox)
            let canary = try plantCredentials(sandbox)
            let run = try await sandbox.exec([CodexTurn.shell("cat ~/.aws/credentials"), CodexTurn.text("Done.")])

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let output = try #require(run.toolOutputs.first, "the model got no tool output\n\(run.diagnosis)")
            // The hook prints nothing on stdout and the reason on stderr with exit 2:
            // Codex hands exactly that reason to the model.
            #expect(output.contains("Gatehouse blocked Bash: access to AWS credentials"), "\(run.diagnosis)")
            #expect(!output.contains(canary), "the canary reached the model: the call ran\n\(run.diagnosis)")
            let id = try #require(output.firstMatch(of: /gh_[0-9a-z]+/), "no decision id\n\(run.diagnosis)")
            #expect(sandbox.audit.contains(String(id.output)), "decision \(id.output) not in the audit log")
            #expect(sandbox.audit.contains(#""host":"codex""#))
            // Codex's plugin features still try chatgpt.com and api.github.com at start
            // (Fixtures/FINDINGS-codex.md); the test proxy refuses every such CONNECT.
            #expect(run.strayRequests.allSatisfy { $0.method == "CONNECT" }, "\(run.strayRequests.map(\.rawLine))")
        }
    }

    @Test("a benign command runs and its output reaches the model")
    func benignCommandRuns() async throws {
        try CodexGate.requirePrerequisites()
        try await CodexSandbox.with { sandbox in
            try await install(sandbox)
            let token = "gatehouse-ok-\(randomString(length: 12, from: "abcdefghijklmnopqrstuvwxyz0123456789"))"
            let run = try await sandbox.exec([CodexTurn.shell("echo \(token)"), CodexTurn.text("Done.")])

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let output = try #require(run.toolOutputs.first, "\(run.diagnosis)")
            #expect(output.contains(token), "\(run.diagnosis)")
            // Both hooks really ran: an allow and an output scan are on record.
            let records = sandbox.audit.split(separator: "\n")
            #expect(records.contains { $0.contains(#""event":"pre-tool-use""#) && $0.contains(#""verdict":"allow""#) }, "\(sandbox.audit)")
            #expect(records.contains { $0.contains(#""event":"post-tool-use""#) }, "\(sandbox.audit)")
        }
    }

    @Test("an apply_patch that writes a private key is blocked and the file is not written")
    func patchWritingAPrivateKeyIsBlocked() async throws {
        try CodexGate.requirePrerequisites()
        try await CodexSandbox.with { sandbox in
            try await install(sandbox)
            let key = sandbox.home.appendingPathComponent(".ssh/id_ed25519")
            let patch = """
                *** Begin Patch
                *** Add File: notes.txt
                +harmless
                *** Add File: \(key.path)
                +-----BEGIN OPENSSH PRIVATE KEY-----
                +b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                +-----END OPENSSH PRIVATE KEY-----
                *** End Patch

                """
            let run = try await sandbox.exec([CodexTurn.patch(patch), CodexTurn.text("Done.")])

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let output = try #require(run.toolOutputs.first, "\(run.diagnosis)")
            #expect(output.contains("Gatehouse blocked apply_patch"), "\(run.diagnosis)")
            #expect(output.contains(/gh_[0-9a-z]+/), "\(run.diagnosis)")
            #expect(!FileManager.default.fileExists(atPath: key.path), "the private key was written")
            // The whole patch was stopped, not only the offending file.
            #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent("notes.txt").path))
        }
    }

    @Test("a fake secret in command output reaches the model redacted")
    func secretInOutputIsRedacted() async throws {
        try CodexGate.requirePrerequisites()
        try await CodexSandbox.with { sandbox in
            try await install(sandbox)
            let key = "AKIA" + randomString(length: 16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
            let email = "jane.doe.\(randomString(length: 6, from: "abcdefghijklmnopqrstuvwxyz"))@example.com"
            try "owner=\(email)\nkey=\(key)\n".write(
                to: sandbox.work.appendingPathComponent("deploy.txt"), atomically: true, encoding: .utf8)
            let run = try await sandbox.exec([CodexTurn.shell("cat deploy.txt"), CodexTurn.text("Done.")])

            #expect(run.outcome.exitCode == 0, "\(run.diagnosis)")
            let output = try #require(run.toolOutputs.first, "\(run.diagnosis)")
            #expect(output.contains("[REDACTED:aws_access_key]"), "\(run.diagnosis)")
            #expect(output.contains("[REDACTED:email]"), "\(run.diagnosis)")
            #expect(!output.contains(key) && !output.contains(email), "a raw value reached the model\n\(run.diagnosis)")
            #expect(!sandbox.audit.contains(key), "the secret landed in the audit log")
        }
    }

    @Test("installed from the repository marketplace, the plugin's hooks fire")
    func marketplaceInstallBlocks() async throws {
        try CodexGate.requirePrerequisites()
        try await CodexSandbox.with { sandbox in
            let add = try await sandbox.codex(["plugin", "marketplace", "add", RepoPaths.root.path])
            try #require(add.exitCode == 0, "\(add.summary)\n\(add.stdout)")
            let plugin = try await sandbox.codex(["plugin", "add", "gatehouse@gatehouse"])
            try #require(plugin.exitCode == 0, "\(plugin.summary)\n\(plugin.stdout)")
            // Trust for the plugin's hooks only: no hooks.json or MCP block of our own.
            let trust = try await sandbox.run(
                RepoPaths.codexHookBinary,
                ["install", "--plugin", "--codex-home", sandbox.codexHome.path, "--codex", RepoPaths.codexBinary.path])
            try #require(trust.exitCode == 0, "\(trust.summary)\n\(trust.stdout)")
            #expect(trust.stdout.contains("trusted gatehouse@gatehouse:hooks/hooks.json:pre_tool_use"), "\(trust.stdout)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.codexHome.appendingPathComponent("hooks.json").path))

            let canary = try plantCredentials(sandbox)
            let run = try await sandbox.exec([CodexTurn.shell("cat ~/.aws/credentials"), CodexTurn.text("Done.")])
            let output = try #require(run.toolOutputs.first, "\(run.diagnosis)")
            #expect(output.contains("Gatehouse blocked Bash"), "\(run.diagnosis)")
            #expect(!output.contains(canary), "\(run.diagnosis)")
            #expect(output.contains(/gh_[0-9a-z]+/), "\(run.diagnosis)")
            // The plugin's advisory skills reached the model's instructions too.
            #expect(run.requests.contains { $0.kind == "responses" && $0.rawLine.contains("pre-execute-check") },
                    "the plugin's skills are not in the model's instructions")
        }
    }
}

/// Codex prerequisites, reported with a fix-it message.
enum CodexGate {
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: RepoPaths.codexBinary.path) }
    static var shouldRun: Bool { installed || !EndToEndGate.optional }
    static let skipComment = Comment(rawValue: """
        Codex CLI not installed at \(RepoPaths.codexBinary.path) and GATEHOUSE_E2E_OPTIONAL=1: skipping. \
        Run `make deps-e2e` to install it.
        """)

    static func requirePrerequisites() throws {
        guard installed else {
            throw EndToEndGate.MissingPrerequisite(description: """
                Codex CLI not found at \(RepoPaths.codexBinary.path). Run `make deps-e2e` \
                (or set GATEHOUSE_E2E_OPTIONAL=1 to skip these tests).
                """)
        }
        guard FileManager.default.isExecutableFile(atPath: RepoPaths.codexHookBinary.path) else {
            throw EndToEndGate.MissingPrerequisite(description: "\(RepoPaths.codexHookBinary.path) not found. Run `make` first.")
        }
        guard EndToEndGate.findExecutable("python3") != nil else {
            throw EndToEndGate.MissingPrerequisite(description: "python3 not found on PATH; the scripted model server needs it.")
        }
    }
}
