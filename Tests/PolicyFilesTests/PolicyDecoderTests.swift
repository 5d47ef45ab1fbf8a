import HookCore
import Testing
@testable import PolicyFiles

@Suite struct PolicyDecoderTests {
    let minimal = "name: t\nrules:\n"

    @Test func decodesTheFullRuleForm() throws {
        let document = try PolicyTesting.decode("""
            name: team
            version: "2"
            appliesTo: {tags: [claude-code], hosts: [claude]}
            defaultEffect: ask
            rules:
              - id: team.no-prod
                description: Production hosts
                effect: deny
                risk: high
                actions: [execute:shell, read:web_fetch]
                conditions:
                  - content: {regex: "(?i)prod[0-9]+\\\\.example"}
                  - tool: {equals: [Bash, WebFetch]}
                    not: {content: {contains: staging}, tool: {startsWith: Web}}
                reason: production is off limits
                guidance: Use staging.
                tests:
                  - {input: {tool: Bash, command: "ssh PROD1.example"}, expect: deny}
            """)
        #expect(document.name == "team")
        #expect(document.defaultEffect == .ask)
        #expect(document.appliesTo == AppliesTo(tags: ["claude-code"], hosts: ["claude"]))
        let policy = document.rules[0].policy
        #expect(policy.id == "team.no-prod")
        #expect(policy.actions == [.executeShell, .readWebFetch])
        #expect(policy.conditions.count == 2)
        #expect(policy.exceptions.count == 1 && policy.exceptions[0].count == 2)
        #expect(policy.origin == PolicyOrigin(layer: .user, file: "test.yaml", line: 6))
        #expect(document.rules[0].tests.count == 1)
    }

    @Test(arguments: [
        ("name: t\nrule:\n  - effect: deny\n", 2, 1, "unknown key 'rule' in a policy file (did you mean 'rules'?)"),
        ("name: t\nrules:\n  - effect: deny\n    condtions: {}\n", 4, 5, "unknown key 'condtions' in a rule (did you mean 'conditions'?)"),
        ("name: t\nrules:\n  - effect: block\n", 3, 13, "unknown effect 'block'; expected one of: allow, deny, ask, redact, log"),
        ("name: t\nrules:\n  - effect: deny\n    actions: [exec:shell]\n", 4, 15, "unknown action 'exec:shell'"),
        ("name: t\nrules:\n  - effect: deny\n    conditions: {resource: {glob: x}}\n", 4, 29, "unknown key 'glob' in the resource condition"),
        ("name: t\nrules:\n  - effect: deny\n    conditions: {content: {regex: \"a(b\"}}\n", 4, 35, "invalid regex: missing ')'"),
        ("name: t\nrules:\n  - effect: deny\n    conditions: {detector: shell.nope}\n", 4, 28, "unknown detector 'shell.nope'"),
        ("rules: []\n", 1, 1, "missing required key 'name'"),
        ("name: t\nrules:\n  - id: a\n    effect: deny\n  - id: a\n    effect: ask\n", 5, 5, "duplicate rule id 'a'"),
        ("name: t\nname: u\nrules: []\n", 2, 1, "duplicate key 'name'"),
        ("name: t\nrules:\n  - risk: low\n", 3, 5, "missing required key 'effect'"),
        ("name: &n t\nrules: *n\n", 2, 8, "YAML aliases"),
        ("name: t\nrules: [\n", 3, 1, "did not find expected node content"),
        ("", 1, 1, "the file is empty"),
    ])
    func errorsNameLineColumnAndWhatWasExpected(yaml: String, line: Int, column: Int, message: String) {
        let error = PolicyTesting.error(yaml)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.column == column, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("test.yaml:\(line):\(column): ") == true)
    }

    @Test func projectFilesMayNotAllow() {
        let error = PolicyTesting.error("name: p\nrules:\n  - effect: allow\n", layer: .project)
        #expect(error?.message.contains("allow rules are not permitted in project policy files") == true)
        #expect(error?.line == 3)
        #expect(PolicyTesting.error("name: p\nrules:\n  - effect: ask\n", layer: .project) == nil)
        #expect(PolicyTesting.error("name: p\ndefaultEffect: allow\nrules: []\n", layer: .project) != nil)
    }

    @Test func builtinRulesNeedIDsUserRulesGetOne() throws {
        #expect(PolicyTesting.error("name: b\nrules:\n  - effect: deny\n", layer: .builtin)?.message.contains("'id'") == true)
        let document = try PolicyTesting.decode("name: mine\nrules:\n  - effect: deny\n  - effect: ask\n")
        #expect(document.rules.map(\.policy.id) == ["mine#1", "mine#2"])
    }

    @Test func notOfSeveralFieldsIsOneException() throws {
        let document = try PolicyTesting.decode("""
            name: n
            rules:
              - id: r
                effect: deny
                actions: [execute:shell]
                conditions:
                  resource: {startsWith: "rm "}
                  not: {resource: {contains: "./build"}, cwd: {equals: /safe}}
            """)
        let engine = PolicyTesting.engine([document])
        func verdict(_ command: String, cwd: String) -> Verdict {
            var call = Call.bash(command)
            call.cwd = cwd
            return call.decide(with: engine).verdict
        }
        #expect(verdict("rm x", cwd: "/safe") == .deny)
        #expect(verdict("rm ./build", cwd: "/work") == .deny)
        #expect(verdict("rm ./build", cwd: "/safe") == .allow)
    }
}

@Suite struct RuleSourceTests {
    @Test func showsExactlyTheRuleBlock() {
        let source = """
            name: x
            rules:
              - id: a
                effect: deny
                # why
                tests:
                  - {input: {tool: Bash, command: ls}, expect: deny}

              # The next rule.
              - id: b
                effect: ask
            defaultEffect: deny
            """
        #expect(RuleSource.text(of: source, line: 3) == """
              - id: a
                effect: deny
                # why
                tests:
                  - {input: {tool: Bash, command: ls}, expect: deny}
            """)
        #expect(RuleSource.text(of: source, line: 10) == "  - id: b\n    effect: ask")
        #expect(RuleSource.text(of: source, line: 99) == nil)
    }
}
