import HookCore

/// Runs the `tests:` cases of policy documents against a full engine: each
/// case is a Claude Code tool call, and the expected verdict is the whole
/// engine's, not just the rule's.
public struct PolicyTestRunner: Sendable {
    public var engine: Engine
    /// Working directory for cases that do not name one.
    public var cwd: String

    public init(engine: Engine, cwd: String) {
        self.engine = engine
        self.cwd = cwd
    }

    public struct Result: Sendable {
        public var file: String
        public var ruleID: String
        public var index: Int
        public var testCase: PolicyTestCase
        public var decision: Decision?
        public var problem: String?

        public var passed: Bool { problem == nil && decision?.verdict == testCase.expect }
    }

    public func run(_ documents: [PolicyDocument]) -> [Result] {
        var results: [Result] = []
        for document in documents {
            for rule in document.rules {
                for (index, testCase) in rule.tests.enumerated() {
                    results.append(run(testCase, file: document.file, ruleID: rule.policy.id, index: index + 1))
                }
            }
        }
        return results
    }

    public func run(_ testCase: PolicyTestCase, file: String, ruleID: String, index: Int) -> Result {
        var result = Result(file: file, ruleID: ruleID, index: index, testCase: testCase)
        do {
            var call = try ClaudeCodec().decodeCall(testCase.payload)
            if call.cwd == nil { call.cwd = cwd }
            result.decision = engine.evaluate(call, id: DecisionID(rawValue: "gh_policytest"))
        } catch {
            result.problem = "the test input is not a valid tool call: \(error)"
        }
        return result
    }

    /// One line per case, in the manner of `opa test`.
    public static func line(_ r: Result) -> String {
        let place = "\(r.file):\(r.testCase.mark.line)"
        let name = "\(r.ruleID) #\(r.index) (\(brief(r.testCase.label)))"
        if let problem = r.problem { return "FAIL \(place) \(name): \(problem)" }
        guard let decision = r.decision else { return "FAIL \(place) \(name)" }
        if r.passed { return "PASS \(place) \(name): \(decision.verdict.rawValue)" }
        let why = decision.policyIDs.isEmpty ? "no rule matched" : decision.policyIDs.joined(separator: ", ")
        return "FAIL \(place) \(name): expected \(r.testCase.expect.rawValue), got \(decision.verdict.rawValue) (\(why))"
    }

    static func brief(_ text: String) -> String {
        let flat = text.replacingNewlines()
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "..."
    }
}

extension String {
    func replacingNewlines() -> String {
        var out = ""
        for c in self { out.append(c == "\n" ? " " : c) }
        return out
    }
}
