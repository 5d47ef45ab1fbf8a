import Foundation
import Testing

/// Decides whether the end-to-end tests run, and fails loudly when a prerequisite is
/// missing. Only a missing Claude CLI together with GATEHOUSE_E2E_OPTIONAL=1 skips.
enum EndToEndGate {
    static let optional = ProcessInfo.processInfo.environment["GATEHOUSE_E2E_OPTIONAL"] == "1"

    static var claudeInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: RepoPaths.claudeBinary.path)
    }

    /// For `.enabled(if:)`: false only when skipping is allowed and the CLI is absent.
    static var shouldRun: Bool { claudeInstalled || !optional }

    static let skipComment = Comment(rawValue: """
        Claude Code CLI not installed at \(RepoPaths.claudeBinary.path) and GATEHOUSE_E2E_OPTIONAL=1: \
        skipping the end-to-end tests. Run `make deps-e2e` to install it.
        """)

    struct MissingPrerequisite: Error, CustomStringConvertible {
        let description: String
    }

    /// Call at the start of every test: throws (so the test fails) with a fix-it message.
    static func requirePrerequisites(hookBinary: Bool = true) throws {
        guard claudeInstalled else {
            throw MissingPrerequisite(description: """
                Claude Code CLI not found at \(RepoPaths.claudeBinary.path). \
                Run `make deps-e2e` to install it (or set GATEHOUSE_E2E_OPTIONAL=1 to skip these tests).
                """)
        }
        guard findExecutable("python3") != nil else {
            throw MissingPrerequisite(description: "python3 not found on PATH; the scripted model server needs it.")
        }
        if hookBinary, !FileManager.default.isExecutableFile(atPath: RepoPaths.claudeHookBinary.path) {
            throw MissingPrerequisite(description: """
                Hook binary not found at \(RepoPaths.claudeHookBinary.path). Run `make` first.
                """)
        }
    }

    static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
