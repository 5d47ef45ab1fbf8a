import HookCore

/// Shared fixtures for the shell analyzer tests.
enum ShellTesting {
    static let home = "/home/dev"
    static let analyzer = ShellAnalyzer(home: home, environment: ["PATH": "/usr/bin:/bin", "USER": "dev"])

    static func analyze(_ command: String) -> ShellAnalysis { analyzer.analyze(command) }

    /// Rendered `program args...` of every command found.
    static func texts(_ command: String) -> [String] { analyze(command).commands.map(\.text) }
}

extension ShellAnalysis {
    func commands(named program: String) -> [SimpleCommand] { commands.filter { $0.program == program } }

    func first(_ program: String) -> SimpleCommand? { commands.first { $0.program == program } }

    func contains(_ text: String) -> Bool { commands.contains { $0.text == text } }

    var hasDecoderProblem: Bool {
        problems.contains { if case .decoderPipedToShell = $0 { true } else { false } }
    }

    var hasUnresolvedProgram: Bool {
        problems.contains { if case .unresolvedExpansionInProgram = $0 { true } else { false } }
    }
}
