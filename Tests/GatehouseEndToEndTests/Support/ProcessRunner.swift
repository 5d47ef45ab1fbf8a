import Foundation

/// What a finished (or killed) child process left behind.
struct ProcessOutcome: Sendable {
    let exitCode: Int32
    let timedOut: Bool
    let stdout: String
    let stderr: String
    let commandLine: String

    /// For failure messages: the command, how it ended and the tail of stderr.
    var summary: String {
        let tail = stderr.split(separator: "\n").suffix(15).joined(separator: "\n")
        return "`\(commandLine)` exited \(exitCode)\(timedOut ? " (killed after timeout)" : "")\nstderr:\n\(tail)"
    }
}

/// Runs one process to completion with a hard time limit. Output goes to files (not
/// pipes) so a chatty child can never block on a full pipe while we wait for it.
enum ProcessRunner {
    static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String],
        currentDirectory: URL,
        outputDirectory: URL,
        timeout: Duration
    ) async throws -> ProcessOutcome {
        let tag = "\(executable.lastPathComponent)-\(UUID().uuidString.prefix(8))"
        let outURL = outputDirectory.appendingPathComponent("\(tag).stdout")
        let errURL = outputDirectory.appendingPathComponent("\(tag).stderr")
        let child = try ChildProcess.spawn(
            executable.path, arguments,
            environment: environment, directory: currentDirectory.path,
            stdout: outURL.path, stderr: errURL.path)
        let (exitCode, timedOut) = await child.wait(timeout: timeout)
        return ProcessOutcome(
            exitCode: exitCode,
            timedOut: timedOut,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            commandLine: ([executable.lastPathComponent] + arguments).joined(separator: " "))
    }
}
