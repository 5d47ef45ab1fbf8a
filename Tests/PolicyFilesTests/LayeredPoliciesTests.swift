import Foundation
import HookCore
import Testing
@testable import PolicyFiles

/// Layers from real folders in a temporary directory.
@Suite struct LayeredPoliciesTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "gatehouse-layers-" + UUID().uuidString
        for dir in ["managed", "user", "repo/.git", "repo/.gatehouse/policies", "repo/sub/dir"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    func layers(tags: String = "", host: String = "claude", cwd: String? = nil) -> LayeredPolicies {
        let environment = PolicyEnvironment(
            environment: [
                "HOME": PolicyTesting.home, PolicyEnvironment.managedVariable: root + "/managed",
                PolicyEnvironment.userVariable: root + "/user", PolicyEnvironment.tagsVariable: tags,
            ],
            host: HostID(rawValue: host), cwd: cwd ?? root + "/repo/sub/dir")
        return LayeredPolicies(environment: environment)
    }

    func verdict(_ command: String, _ layers: LayeredPolicies) -> Decision {
        Call.bash(command).decide(with: Engine(layers.set, home: PolicyTesting.home))
    }

    @Test func everyLayerAddsRulesAndDenyWinsWhateverTheLayer() throws {
        try write("managed/org.yaml", "name: org\nrules:\n  - id: org.no-docker\n    effect: deny\n    conditions: {resource: {startsWith: docker}}\n")
        try write("user/me.yaml", "name: me\nrules:\n  - id: me.docker\n    effect: allow\n    conditions: {resource: {startsWith: docker}}\n  - id: me.ask-kubectl\n    effect: ask\n    conditions: {resource: {startsWith: kubectl}}\n")
        try write("repo/.gatehouse/policies/project.yml", "name: proj\nrules:\n  - id: proj.no-terraform\n    effect: deny\n    conditions: {resource: {startsWith: terraform}}\n")
        let loaded = layers()
        #expect(loaded.errors.isEmpty)
        #expect(loaded.documents.map(\.layer) == [.managed, .user, .project])
        #expect(verdict("docker run x", loaded).verdict == .deny)
        #expect(verdict("kubectl get pods", loaded).verdict == .ask)
        #expect(verdict("terraform destroy", loaded).verdict == .deny)
        #expect(verdict("rm -rf /", loaded).policyIDs.first == "builtin.shell.rm-root")
        #expect(verdict("echo ok", loaded).verdict == .allow)
        let origin = loaded.set.policies.first { $0.id == "proj.no-terraform" }?.origin
        #expect(origin?.layer == .project)
        #expect(origin?.file.hasSuffix("/repo/.gatehouse/policies/project.yml") == true)
    }

    @Test(arguments: [PolicyLayer.managed, .user, .project])
    func aBrokenFileFailsItsLayerClosed(layer: PolicyLayer) throws {
        let path = ["managed": "managed/bad.yaml", "user": "user/bad.yaml", "project": "repo/.gatehouse/policies/bad.yaml"][layer.rawValue]!
        try write(path, "name: bad\nrules:\n  - effect: deny\n    conditons: {}\n")
        let decision = verdict("echo hello", layers())
        #expect(decision.verdict == .deny)
        #expect(decision.policyIDs == ["gatehouse.policy-error.\(layer.rawValue)"])
        #expect(decision.reason.contains("bad.yaml:4:5: unknown key 'conditons'"), "\(decision.reason)")
    }

    @Test func aProjectAllowIsRejectedAndFailsClosed() throws {
        try write("repo/.gatehouse/policies/open.yaml", "name: open\nrules:\n  - effect: allow\n")
        let decision = verdict("echo hi", layers())
        #expect(decision.policyIDs == ["gatehouse.policy-error.project"])
        #expect(decision.reason.contains("allow rules are not permitted in project policy files"))
    }

    @Test func appliesToSelectsByTagAndHost() throws {
        try write("user/ci.yaml", "name: ci\nappliesTo: {tags: [ci]}\nrules:\n  - effect: deny\n    conditions: {resource: {startsWith: make}}\n")
        try write("user/codex.yaml", "name: cx\nappliesTo: {hosts: [codex]}\nrules:\n  - effect: deny\n    conditions: {resource: {startsWith: npm}}\n")
        try write("user/claude.yaml", "name: cc\nappliesTo: {tags: [claude-code]}\nrules:\n  - effect: ask\n    conditions: {resource: {startsWith: yarn}}\n")
        #expect(verdict("make", layers()).verdict == .allow)
        #expect(verdict("make", layers(tags: "dev, ci")).verdict == .deny)
        #expect(verdict("npm i", layers()).verdict == .allow)
        #expect(verdict("npm i", layers(host: "codex")).verdict == .deny)
        #expect(verdict("yarn", layers()).verdict == .ask)
        #expect(verdict("yarn", layers(host: "codex")).verdict == .allow)
    }

    @Test func theStrictestDefaultEffectWins() throws {
        try write("user/a.yaml", "name: a\ndefaultEffect: allow\nrules:\n  - effect: allow\n    conditions: {resource: {startsWith: git}}\n")
        try write("managed/b.yaml", "name: b\ndefaultEffect: ask\nrules: []\n")
        let loaded = layers()
        #expect(loaded.set.defaultEffect == .ask)
        #expect(verdict("git status", loaded).verdict == .allow)
        #expect(verdict("make", loaded).verdict == .ask)
    }

    @Test func emptyOverridesMeanNoFolders() {
        let environment = PolicyEnvironment(
            environment: ["HOME": "/home/x", PolicyEnvironment.managedVariable: "", PolicyEnvironment.userVariable: ""],
            host: HostID(rawValue: "claude"), cwd: nil)
        #expect(environment.managed.isEmpty && environment.user.isEmpty && environment.project.isEmpty)
        let defaults = PolicyEnvironment(environment: ["HOME": "/home/x"], host: HostID(rawValue: "claude"), cwd: nil)
        #expect(defaults.user == ["/home/x/.config/gatehouse/policies"])
        let xdg = PolicyEnvironment(environment: ["HOME": "/home/x", "XDG_CONFIG_HOME": "/cfg"], host: HostID(rawValue: "claude"), cwd: nil)
        #expect(xdg.user == ["/cfg/gatehouse/policies"])
        #expect(defaults.tags == ["claude-code"])
    }

    @Test func projectFoldersAreFoundUpToTheRepositoryRoot() throws {
        try FileManager.default.createDirectory(atPath: root + "/repo/sub/.gatehouse/policies", withIntermediateDirectories: true)
        let found = PolicyEnvironment.projectDirectories(from: root + "/repo/sub/dir", home: "/home/none")
        #expect(found == [root + "/repo/sub/.gatehouse/policies", root + "/repo/.gatehouse/policies"])
    }

    @Test func observeModeAllowsWhatALayerDenies() throws {
        try write("user/me.yaml", "name: me\nrules:\n  - effect: deny\n    reason: no make here\n    conditions: {resource: {startsWith: make}}\n")
        var configuration = HookConfiguration(environment: ["GATEHOUSE_MODE": "observe", "HOME": PolicyTesting.home])
        configuration.auditLogPath = root + "/audit.jsonl"
        let engine = Engine(layers().set, home: PolicyTesting.home, mode: configuration.mode)
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, engine: engine)
        let input = #"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"make"},"cwd":"/tmp"}"#
        let output = runner.run(.preToolUse, input: Array(input.utf8))
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("no make here"), "\(output.stderr)")
        // The audit record says which layer and file the rule came from.
        let audit = try String(contentsOfFile: root + "/audit.jsonl", encoding: .utf8)
        #expect(audit.contains(#""policy_sources":["user "#), "\(audit)")
        #expect(audit.contains("/user/me.yaml:3"), "\(audit)")
    }
}
