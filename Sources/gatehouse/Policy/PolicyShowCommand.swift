import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one rule as written (YAML, with its tests) and where it comes from.")

    @Argument(help: "The rule id, e.g. builtin.shell.rm-root.")
    var id: String

    func run() throws {
        let layers = PolicyContext.layers()
        guard let policy = layers.set.policies.first(where: { $0.id == id }) else {
            throw CLIError("no policy rule with id '\(id)'; `gatehouse policy list` shows them all")
        }
        print("# \(policy.origin.layer.rawValue) layer" + (policy.origin.file.isEmpty ? "" : ", \(policy.origin.file):\(policy.origin.line)"))
        if let text = RuleSource.text(file: policy.origin.file, line: policy.origin.line) {
            print(text)
        } else {
            print(RuleSource.render(policy))
            print("# (tests live in the YAML source of the built-in pack, policies/builtin/ in the repository)")
        }
    }
}

/// Rendering of compiled rules that have no source file at hand.
extension RuleSource {
    /// A compiled rule rendered back as YAML (no source file at hand).
    static func render(_ p: Policy) -> String {
        func q(_ s: String) -> String { PackCompiler.literal(s) }
        var out = ["- id: \(p.id)"]
        if !p.description.isEmpty { out.append("  description: \(q(p.description))") }
        out.append("  effect: \(p.effect.rawValue)")
        out.append("  risk: \(p.risk.rawValue)")
        if !p.actions.isEmpty { out.append("  actions: [\(PolicyAction.allCases.filter(p.actions.contains).map(\.rawValue).joined(separator: ", "))]") }
        if p.raisedByEngine { out.append("  raisedBy: engine") }
        if !p.conditions.isEmpty || !p.exceptions.isEmpty {
            out.append("  conditions:")
            for c in p.conditions { out.append("    - " + condition(c)) }
            for group in p.exceptions { out.append("    - not: {" + group.map(condition).joined(separator: ", ") + "}") }
        }
        if !p.reason.isEmpty { out.append("  reason: \(q(p.reason))") }
        if let g = p.guidance { out.append("  guidance: \(q(g))") }
        return out.joined(separator: "\n")
    }

    static func condition(_ c: Condition) -> String {
        func list(_ items: [String]) -> String { "[" + items.map(PackCompiler.literal).joined(separator: ", ") + "]" }
        let body: String
        switch c.test {
        case let .detector(id): return (c.negated ? "not: {detector: \(id)}" : "detector: \(id)")
        case let .matches(g): body = "matches: " + list(g.map(\.pattern))
        case let .regex(r): body = "regex: " + list(r.map(\.pattern))
        case let .startsWith(s): body = "startsWith: " + list(s)
        case let .contains(s): body = "contains: " + list(s)
        case let .equals(s): body = "equals: " + list(s)
        }
        let plain = "\(c.field.rawValue): {\(body)}"
        return c.negated ? "not: {\(plain)}" : plain
    }
}
