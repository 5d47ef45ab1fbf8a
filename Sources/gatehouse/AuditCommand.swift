import ArgumentParser
import Foundation
import HookCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read the audit trail.",
        subcommands: [Show.self, Tail.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "Audit log to read (default: GATEHOUSE_AUDIT_LOG, else the XDG state directory).")
        var log: String?

        var path: String { log ?? HookConfiguration.auditLogPath(environment: ProcessInfo.processInfo.environment) }

        func records() throws -> [JSONValue] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read the audit log at \(path); no hook has written to it yet, or pass --log")
            }
            // A torn or foreign line must not hide the rest of the trail.
            return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one decision: what was decided, by which policies, and why.")
        @Argument(help: "A decision id as printed in a block message, e.g. gh_0mwtoatq1674x697t.")
        var decisionID: String
        @OptionGroup var location: Location

        func run() throws {
            guard let record = try location.records().last(where: { $0["decision_id"]?.stringValue == decisionID }) else {
                throw CLIError("no decision \(decisionID) in \(location.path)")
            }
            print(AuditFormatter.explain(record))
        }
    }

    struct Tail: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the most recent decisions, one line each.")
        @Option(name: [.customShort("n"), .long], help: "How many records.")
        var count = 20
        @OptionGroup var location: Location

        func run() throws {
            for record in try location.records().suffix(max(0, count)) { print(AuditFormatter.line(record)) }
        }
    }
}

enum AuditFormatter {
    static func field(_ record: JSONValue, _ key: String) -> String { record[key]?.stringValue ?? "-" }

    static func line(_ record: JSONValue) -> String {
        let policies = record["policies"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? ""
        return [field(record, "ts"), field(record, "decision_id"), field(record, "verdict"), field(record, "tool"),
                policies.isEmpty ? "-" : policies, field(record, "summary")].joined(separator: "  ")
    }

    static func explain(_ record: JSONValue) -> String {
        var lines = [
            "decision  \(field(record, "decision_id"))",
            "time      \(field(record, "ts"))",
            "host      \(field(record, "host")) (\(field(record, "event")))",
            "tool      \(field(record, "tool")) [\(field(record, "kind"))]",
            "call      \(field(record, "summary"))",
            "verdict   \(field(record, "verdict"))"
                + (field(record, "enforced") == field(record, "verdict") ? "" : " (enforced: \(field(record, "enforced")), mode \(field(record, "mode")))"),
            "risk      \(field(record, "risk"))",
        ]
        if let reason = record["reason"]?.stringValue { lines.append("reason    \(reason)") }
        for id in record["policies"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let description = BuiltinPolicies.all.first { $0.id == id }?.description
            lines.append("policy    \(id)" + (description.map { " — \($0)" } ?? ""))
        }
        for finding in record["findings"]?.arrayValue ?? [] {
            lines.append("finding   \(field(finding, "type")) at \(field(finding, "path").isEmpty ? "output" : field(finding, "path"))")
        }
        lines.append("input     sha256 \(field(record, "input_sha256"))")
        return lines.joined(separator: "\n")
    }
}
