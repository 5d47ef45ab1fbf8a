import HookCore
import Testing
@testable import PolicyFiles

/// The four example policies of the MeshGuard Claude Code guide load
/// unchanged and decide as their comments say, on top of the built-in pack.
@Suite struct MeshGuardExampleTests {
    static func engine(_ name: String) throws -> Engine {
        PolicyTesting.engine([try PolicyTesting.load("meshguard/\(name).yaml")])
    }

    @Test func allFourLoadWithTheirRules() throws {
        let counts = try ["file", "shell", "web", "combined"].map { try PolicyTesting.load("meshguard/\($0).yaml").rules.count }
        #expect(counts == [4, 5, 4, 10])
        let file = try PolicyTesting.load("meshguard/file.yaml")
        #expect(file.appliesTo.tags == ["claude-code", "dev-agent"])
        #expect(file.defaultEffect == .deny)
        #expect(file.rules[0].policy.id == "claude-code-file-policy#1")
    }

    @Test(arguments: [
        // Allow reading any file in the workspace
        (Call.read("src/main.py"), Verdict.allow),
        (Call.read("/home/dev/project/README.md"), .allow),
        // Allow writing to source and test files
        (Call.write("src/app.py"), .allow),
        (Call.write("tests/test_app.py"), .allow),
        (Call.write("docs/guide/intro.md"), .allow),
        (Call.write("NOTES.md"), .allow),
        (Call.write("config.yaml"), .allow),
        // Not in the write allow list: the default effect (deny)
        (Call.write("build/out.bin"), .deny),
        (Call.write("src.md/../Makefile"), .deny),
        // Deny access to credential and key files
        (Call.read(".env"), .deny),
        (Call.read("config/.env.production"), .deny),
        (Call.read("certs/server.pem"), .deny),
        (Call.write("src/secret.key"), .deny),
        (Call.read("~/.ssh/config"), .deny),
        (Call.read("/home/dev/.aws/config"), .deny),
        // Deny system file access
        (Call.read("/etc/passwd"), .deny),
        (Call.write("/usr/local/bin/tool"), .deny),
        (Call.read("/var/log/syslog"), .deny),
        // Outside the workspace and not listed: default deny
        (Call.read("/opt/other/file.txt"), .deny),
    ])
    func filePolicy(call: Call, expected: Verdict) throws {
        let decision = call.decide(with: try Self.engine("file"))
        #expect(decision.verdict == expected, "\(call.input) -> \(decision.policyIDs) \(decision.reason)")
    }

    @Test(arguments: [
        // Allow common dev commands, tests and builds
        ("git status", Verdict.allow),
        ("npm install", .allow),
        ("pytest -q tests/", .allow),
        ("cargo test", .allow),
        ("make build", .allow),
        ("ls -la src", .allow),
        ("grep -rn TODO src", .allow),
        // Deny destructive commands
        ("rm -rf /tmp/old-build", .deny),
        ("sudo apt-get install jq", .deny),
        ("chmod 777 run.sh", .deny),
        ("echo x > /dev/sda", .deny),
        ("git status && rm -rf build", .deny),
        // Deny network exfiltration
        ("curl https://example.com/data", .deny),
        ("wget https://example.com/x", .deny),
        ("scp notes.txt host:/tmp", .deny),
        // Deny package publishing
        ("npm publish", .deny),
        ("cargo publish --dry-run", .deny),
        // Not on the allow list: default deny
        ("ruby script.rb", .deny),
        ("git status && ruby script.rb", .deny),
    ])
    func shellPolicy(command: String, expected: Verdict) throws {
        let decision = Call.bash(command).decide(with: try Self.engine("shell"))
        #expect(decision.verdict == expected, "\(command) -> \(decision.policyIDs) \(decision.reason)")
    }

    @Test(arguments: [
        // Allow documentation sites
        (Call.fetch("https://docs.python.org/3/library/re.html"), Verdict.allow),
        (Call.fetch("https://github.com/apple/swift"), .allow),
        (Call.fetch("https://developer.mozilla.org/en-US/docs/Web"), .allow),
        // Allow web search
        (Call.search("swift argument parser subcommands"), .allow),
        // Deny social media and paste sites
        (Call.fetch("https://twitter.com/someone"), .deny),
        (Call.fetch("https://www.reddit.com/r/swift"), .deny),
        (Call.fetch("https://pastebin.com/raw/abc"), .deny),
        (Call.fetch("https://transfer.sh/x"), .deny),
        // Unknown domains: default deny
        (Call.fetch("https://unknown.example.net/"), .deny),
    ])
    func webPolicy(call: Call, expected: Verdict) throws {
        let decision = call.decide(with: try Self.engine("web"))
        #expect(decision.verdict == expected, "\(call.input) -> \(decision.policyIDs) \(decision.reason)")
    }

    @Test(arguments: [
        (Call.read("src/main.py"), Verdict.allow),
        (Call.write("src/main.py"), .allow),
        (Call.write("Makefile"), .deny),
        (Call.read(".env.local"), .deny),
        (Call.read("~/.ssh/id_ed25519"), .deny),
        (Call.read("/etc/hosts"), .deny),
        (Call.bash("git log --oneline"), .allow),
        (Call.bash("python3 -m pytest"), .allow),
        (Call.bash("sudo make install"), .deny),
        (Call.bash("npm publish"), .deny),
        (Call.bash("ssh prod-host"), .deny),
        (Call.bash("docker ps"), .deny),
        (Call.search("linear time regex"), .allow),
        (Call.fetch("https://pypi.org/project/requests/"), .allow),
        (Call.fetch("https://www.facebook.com/"), .deny),
        (Call.fetch("https://news.example.org/"), .deny),
    ])
    func combinedPolicy(call: Call, expected: Verdict) throws {
        let decision = call.decide(with: try Self.engine("combined"))
        #expect(decision.verdict == expected, "\(call.tool) \(call.input) -> \(decision.policyIDs) \(decision.reason)")
    }

    @Test func denialsNameTheRuleReason() throws {
        let decision = Call.bash("curl https://example.com").decide(with: try Self.engine("shell"))
        #expect(decision.reason == "Network commands require explicit approval")
        #expect(decision.policyIDs.first == "claude-code-shell-policy#4")
        let fallback = Call.bash("ruby x.rb").decide(with: try Self.engine("shell"))
        #expect(fallback.policyIDs.first == Engine.defaultEffectID)
    }

    @Test func theGuidesEscapedGlobIsAClearError() {
        // The guide's web page renders the first file rule as "./\*\*", which is
        // not valid YAML; the loader must say where and why.
        let error = PolicyTesting.error("name: x\nrules:\n  - effect: allow\n    conditions:\n      resource:\n        matches: \"./\\*\\*\"\n")
        #expect(error?.line == 6)
        #expect(error?.message.contains("escape") == true, "\(String(describing: error))")
    }
}
