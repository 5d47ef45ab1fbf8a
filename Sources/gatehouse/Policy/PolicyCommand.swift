import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

/// `gatehouse policy ...`: read, check, test and explain the policy layers.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Inspect, check, test and explain policies.",
        discussion: """
            Layers, highest first: managed (/etc/gatehouse/policies), user (~/.config/gatehouse/policies), \
            project (.gatehouse/policies up to the repository root; deny and ask rules only), then the \
            built-in pack compiled into the binary. Deny beats ask beats allow, whatever the layer.
            """,
        subcommands: [
            PolicyListCommand.self, PolicyShowCommand.self, PolicyLintCommand.self, PolicyTestCommand.self,
            PolicyExplainCommand.self, PolicyCompileCommand.self,
        ]
    )
}

/// The process's view of the layers, as the hook would load them here.
enum PolicyContext {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var cwd: String { FileManager.default.currentDirectoryPath }
    static var home: String? { environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } }
    static let host = HostID(rawValue: "claude")

    static func policyEnvironment() -> PolicyEnvironment {
        PolicyEnvironment(environment: environment, host: host, cwd: cwd)
    }

    static func layers(builtin: PolicySet = BuiltinPack.set) -> LayeredPolicies {
        LayeredPolicies(environment: policyEnvironment(), builtin: builtin)
    }

    static func reportErrors(_ layers: LayeredPolicies) {
        for (layer, error) in layers.errors {
            FileHandle.standardError.write(Data("warning: \(layer.rawValue) layer fails closed: \(error)\n".utf8))
        }
    }
}
