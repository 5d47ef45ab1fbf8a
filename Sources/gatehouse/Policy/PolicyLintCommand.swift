import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

struct PolicyLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check policy files; errors name file:line:column. Exit status 1 on any error.")

    @Argument(help: "Policy files to check.")
    var files: [String]

    @Option(help: "Check as this layer: managed, user, project or builtin (default: from the path).")
    var layer: String?

    func run() throws {
        var failed = false
        for file in files {
            let layer = try self.layer.map(PolicyLintCommand.parseLayer) ?? PolicyLintCommand.layer(for: file)
            do {
                let document = try PolicyDecoder.load(path: file, layer: layer)
                let tests = document.rules.reduce(0) { $0 + $1.tests.count }
                print("\(file): ok (\(layer.rawValue) layer, \(document.rules.count) rules, \(tests) tests)")
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }

    static func parseLayer(_ text: String) throws -> PolicyLayer {
        guard let layer = PolicyLayer(rawValue: text) else {
            throw ValidationError("unknown layer '\(text)'; expected managed, user, project or builtin")
        }
        return layer
    }

    /// Project files are recognised by their folder, so lint applies the
    /// project rules (no allow) to them.
    static func layer(for path: String) -> PolicyLayer {
        if path.contains(".gatehouse/policies/") { return .project }
        if path.contains("policies/builtin/") { return .builtin }
        return .user
    }
}
