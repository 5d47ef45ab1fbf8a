import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

struct PolicyExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the decision for a shell command or a tool call: every layer, every matching rule, the verdict.")

    @Option(help: "A Bash command to explain, e.g. --command 'rm -rf ~'.")
    var command: String?

    @Option(help: "A Claude Code hook payload (tool_name, tool_input, cwd) as JSON: a file, or - for stdin.")
    var call: String?

    @Option(help: "Working directory of the call (default: the current directory).")
    var cwd: String?

    func validate() throws {
        guard (command == nil) != (call == nil) else { throw ValidationError("give exactly one of --command or --call") }
    }

    func run() throws {
        let toolCall = try makeCall()
        let layers = PolicyContext.layers()
        let engine = Engine(layers.set, home: PolicyContext.home)
        let evaluation = engine.evaluation(for: toolCall)
        let decision = engine.decide(evaluation, id: DecisionID(rawValue: "gh_explain"))
        print(PolicyExplanation(call: toolCall, layers: layers, environment: PolicyContext.policyEnvironment(),
                                evaluation: evaluation, decision: decision, defaultEffect: engine.defaultEffect).text)
    }

    func makeCall() throws -> ToolCall {
        let workingDirectory = cwd ?? PolicyContext.cwd
        let payload: JSONValue
        if let command {
            payload = .object([
                (key: "tool_name", value: .string("Bash")), (key: "tool_input", value: .object([(key: "command", value: .string(command))])),
                (key: "cwd", value: .string(workingDirectory)),
            ])
        } else {
            let data: Data?
            if call == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: call!) }
            guard let data else { throw CLIError("cannot read \(call!)") }
            do { payload = try JSONParser.parse(bytes: Array(data)) } catch { throw CLIError("\(call!) is not valid JSON: \(error)") }
        }
        do {
            var toolCall = try ClaudeCodec().decodeCall(payload)
            if toolCall.cwd == nil { toolCall.cwd = workingDirectory }
            return toolCall
        } catch {
            throw CLIError("not a tool call: \(error)")
        }
    }
}

/// The explain report: layers, matches grouped by layer, verdict.
struct PolicyExplanation {
    let call: ToolCall
    let layers: LayeredPolicies
    let environment: PolicyEnvironment
    let evaluation: Engine.Evaluation
    let decision: Decision
    let defaultEffect: Effect

    var text: String {
        var out: [String] = []
        let what = call.command ?? call.path ?? call.url ?? call.toolName
        out.append("Tool call: \(call.toolName) \(what.replacingOccurrences(of: "\n", with: "\\n"))")
        out.append("  cwd: \(call.cwd ?? "-")")
        out.append("Subjects checked:")
        for subject in evaluation.subjects {
            out.append("  \(subject.action.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(subject.resource)")
        }
        out.append("Layers (highest first):")
        let directories: [(PolicyLayer, [String])] = [(.managed, environment.managed), (.user, environment.user), (.project, environment.project)]
        for (layer, dirs) in directories {
            let loaded = layers.documents.filter { $0.layer == layer }
            let skipped = layers.skipped.filter { $0.layer == layer }
            let failures = layers.errors.filter { $0.layer == layer }
            var line = "  \(layer.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
            line += dirs.isEmpty ? "(no folder)" : dirs.joined(separator: ", ")
            line += ": \(loaded.count) file(s), \(loaded.reduce(0) { $0 + $1.rules.count }) rule(s)"
            if !skipped.isEmpty { line += "; \(skipped.count) file(s) not applying to tags \(environment.tags.sorted().joined(separator: ","))" }
            out.append(line)
            for failure in failures { out.append("           FAILS CLOSED: \(failure.error)") }
        }
        out.append("  builtin  \(layers.builtin.policies.count) rule(s), compiled in")
        out.append("Matching rules:")
        let matches = evaluation.matches.sorted { $0.policy.origin.layer < $1.policy.origin.layer }
        if matches.isEmpty { out.append("  (none)") }
        for match in matches {
            let p = match.policy
            let origin = p.origin.file.isEmpty ? "" : " (\(p.origin.file):\(p.origin.line))"
            out.append("  [\(p.origin.layer.rawValue)] \(p.id)  \(p.effect.rawValue)  \(p.risk.rawValue)\(origin)")
            var reason = p.reason.isEmpty ? p.description : p.reason
            if let detail = match.detail { reason += ": " + detail }
            out.append("      reason:  \(reason)")
            out.append("      subject: \(match.subject.action.rawValue) \(match.subject.resource)")
        }
        if !evaluation.undecided.isEmpty, defaultEffect != .allow {
            out.append("Default effect \(defaultEffect.rawValue) applies to: "
                + evaluation.undecided.map(\.resource).joined(separator: "; "))
        }
        out.append("Verdict: \(decision.verdict.rawValue.uppercased())" + (decision.reason.isEmpty ? "" : " - \(decision.reason)"))
        if let guidance = decision.guidance { out.append("  guidance: \(guidance)") }
        return out.joined(separator: "\n")
    }
}
