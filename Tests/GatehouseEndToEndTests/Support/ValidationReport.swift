import Foundation

/// The findings of `claude plugin validate --json`, flattened into readable lines.
struct ValidationReport: Sendable {
    let outcome: ProcessOutcome
    let json: AnyJSON?

    var succeeded: Bool { json?["success"]?.bool == true }

    /// Errors, warnings, plugin-directory findings, undecided checks and advice.
    /// Notes are informational and not counted.
    var problems: [String] {
        guard let json else { return ["output is not JSON: \(outcome.stdout.prefix(500))"] }
        var lines: [String] = []
        let parts = [json["manifest"]].compactMap { $0 } + (json["contents"]?.array ?? [])
        for part in parts {
            let file = part["file"]?.string ?? "?"
            for kind in ["errors", "warnings"] {
                for item in part[kind]?.array ?? [] {
                    lines.append("\(kind) in \(file): \(item["path"]?.string ?? ""): \(item["message"]?.string ?? "")")
                }
            }
        }
        for finding in json["directory"]?["findings"]?.array ?? [] {
            lines.append("""
                directory \(finding["severity"]?.string ?? "") \(finding["code"]?.string ?? ""): \
                \(finding["message"]?.string ?? "") Fix: \(finding["fix"]?.string ?? "-")
                """)
        }
        for item in json["directory"]?["undecided"]?.array ?? [] {
            lines.append("directory check undecided: \(item)")
        }
        for item in json["advice"]?.array ?? [] {
            lines.append("advice for \(item["file"]?.string ?? "?"): \(item["message"]?.string ?? "")")
        }
        return lines
    }

    var diagnosis: String {
        "\(outcome.summary)\nproblems:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension ClaudeSandbox {
    func validate(_ arguments: [String], in directory: URL? = nil) async throws -> ValidationReport {
        let outcome = try await claude(["plugin", "validate", "--json"] + arguments, in: directory)
        return ValidationReport(outcome: outcome, json: AnyJSON.parse(outcome.stdout))
    }
}
