import CYAML
import Foundation
import Testing

/// `.github/workflows/release.yml` cannot run here, so it is kept a thin call of the
/// Makefile and linted: it parses as YAML, and every `make <target>` it runs exists.
@Suite("release workflow lint")
struct ReleaseWorkflowLintTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    /// Scalars of the document, in order, or the parser's error with its line and column.
    static func scalars(_ text: String) -> Result<[String], YAMLError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(YAMLError(text: "libyaml init failed")) }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Result<[String], YAMLError> in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var out: [String] = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "parse error"
                    return .failure(YAMLError(text: "\(problem) at line \(parser.problem_mark.line + 1), column \(parser.problem_mark.column + 1)"))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_SCALAR_EVENT {
                    let s = event.data.scalar
                    out.append(String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self))
                }
                if event.type == YAML_STREAM_END_EVENT { return .success(out) }
            }
        }
    }

    struct YAMLError: Error { let text: String }

    static func makefileTargets() throws -> Set<String> {
        let makefile = try String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)
        var targets = Set<String>()
        for line in makefile.split(separator: "\n") {
            if let match = line.firstMatch(of: /^([a-z][a-z0-9-]*):/) { targets.insert(String(match.1)) }
        }
        return targets
    }

    @Test("release.yml is valid YAML and runs make test and make bundle")
    func workflowIsThinAndValid() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(".github/workflows/release.yml"), encoding: .utf8)
        let scalars: [String]
        switch Self.scalars(text) {
        case .success(let s): scalars = s
        case .failure(let error): Issue.record("release.yml is not valid YAML: \(error.text)"); return
        }
        // `run:` values follow their key.
        let runs = zip(scalars, scalars.dropFirst()).filter { $0.0 == "run" }.map(\.1)
        let invoked = runs.flatMap { $0.matches(of: /\bmake\s+([a-z][a-z0-9-]*)/).map { String($0.1) } }
        let targets = try Self.makefileTargets()
        #expect(Set(invoked).isSuperset(of: ["test", "bundle"]), "\(invoked)")
        for target in invoked { #expect(targets.contains(target), "release.yml runs `make \(target)`, which the Makefile does not define") }
    }

    @Test("the lint notices a broken file and a missing target")
    func lintIsNotVacuous() throws {
        if case .success = Self.scalars("jobs:\n  a: [unclosed\n") { Issue.record("broken YAML parsed") }
        #expect(try !Self.makefileTargets().contains("release-everything"))
        #expect(try Self.makefileTargets().isSuperset(of: ["build", "test", "bundle", "check-generated"]))
    }
}
