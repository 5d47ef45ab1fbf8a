import ArgumentParser
import CCurl
import CYAML
import Foundation
import HookCore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a Gatehouse installation and prove that its hook blocks and allows.",
        discussion: """
            Checks the system libraries, finds the Claude Code hook binary, runs it on a dangerous and a \
            benign tool call in a scratch home directory, and checks the audit log. Exits 1 if any check fails.
            """
    )

    @Option(help: "The Claude Code plugin root (default: next to this binary, or plugins/claude).")
    var pluginRoot: String?

    func run() throws {
        var report = DoctorReport()
        report.info("gatehouse \(Gatehouse.version)")
        report.pass(String(cString: curl_version()))
        report.pass("libyaml \(String(cString: yaml_get_version_string()))")

        let environment = ProcessInfo.processInfo.environment
        let configuration = HookConfiguration(environment: environment)
        report.info("mode: \(configuration.mode.rawValue)\(configuration.notes.isEmpty ? "" : " — " + configuration.notes.joined(separator: " "))")
        checkAuditLog(configuration.auditLogPath, into: &report)

        if let hook = locateHook() {
            report.pass("hook binary: \(hook)")
            HookSelfTest(hook: hook).run(into: &report)
        } else {
            report.fail(
                "hook binary not found (looked next to this binary and in plugins/claude/bin)",
                fix: "run `make` in the Gatehouse checkout, or pass --plugin-root")
        }
        print(report.text)
        if report.failed { throw ExitCode(1) }
    }

    func locateHook() -> String? {
        var candidates: [String] = []
        if let pluginRoot { candidates.append(pluginRoot + "/bin/gatehouse-claude") }
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(own.appendingPathComponent("gatehouse-claude").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/plugins/claude/bin/gatehouse-claude")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func checkAuditLog(_ path: String, into report: inout DoctorReport) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            report.info("audit log: \(path) (not created yet; the first hook call creates it)")
            return
        }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0
        let lines = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").count ?? 0
        if mode & 0o077 != 0 {
            report.fail(
                "audit log \(path) has mode \(String(mode, radix: 8)); it must be 0600",
                fix: "chmod 600 \(path) (the next hook call also tightens it)")
        } else {
            report.pass("audit log: \(path) (\(lines) records, mode 600)")
        }
    }
}

/// Accumulates check lines; a failure carries the fix.
struct DoctorReport {
    private(set) var lines: [String] = []
    private(set) var failed = false

    mutating func pass(_ text: String) { lines.append("ok    " + text) }
    mutating func info(_ text: String) { lines.append("      " + text) }
    mutating func fail(_ text: String, fix: String) {
        failed = true
        lines.append("FAIL  " + text)
        lines.append("      fix: " + fix)
    }

    var text: String { lines.joined(separator: "\n") }
}
