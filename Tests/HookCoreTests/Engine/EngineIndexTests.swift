import Testing
@testable import HookCore

@Suite struct EngineIndexTests {
    @Test func slotsAreThePositionsInAllCases() {
        for (position, action) in PolicyAction.allCases.enumerated() { #expect(action.slot == position) }
    }

    /// The per-action index must give the same answers as checking every rule.
    @Test func indexedEvaluationMatchesAFullScan() {
        let policies = [
            Policy(id: "any", description: "", effect: .ask, risk: .low, reason: "", actions: [],
                   conditions: [Condition(field: .resource, test: .contains(["zz"]))]),
            Policy(id: "files", description: "", effect: .deny, risk: .high, reason: "", actions: [.readFile, .writeFile],
                   conditions: [Condition(field: .resource, test: .matches([Glob("~/secret/**")]))]),
            Policy(id: "shell", description: "", effect: .deny, risk: .high, reason: "", actions: [.executeShell],
                   conditions: [Condition(field: .resource, test: .regex([LinearRegex(verified: "^danger\\\\b")]))]),
        ]
        let engine = Engine(policies: policies, home: "/home/u")
        let calls = [
            ToolCall(host: HostID(rawValue: "t"), toolName: "Bash", kind: .shell, command: "danger now; cat ~/secret/a zz", cwd: "/w"),
            ToolCall(host: HostID(rawValue: "t"), toolName: "Read", kind: .read, path: "/home/u/secret/k", cwd: "/w"),
            ToolCall(host: HostID(rawValue: "t"), toolName: "WebFetch", kind: .web, url: "https://zz.example", cwd: "/w"),
        ]
        for call in calls {
            let built = engine.builder.subjects(for: call)
            var expected: Set<String> = []
            for subject in built.subjects {
                for policy in engine.policies where engine.applies(policy, to: subject) { expected.insert(policy.id) }
            }
            #expect(Set(engine.matches(for: call).map(\.policy.id)) == expected)
            #expect(!expected.isEmpty)
        }
    }
}
