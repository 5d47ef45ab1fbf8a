import Foundation
import HookCore

/// Runs the real hook binary on two synthetic calls in a scratch HOME: a
/// recursive delete of the home directory must be denied with a decision id,
/// and a harmless echo must be allowed silently.
struct HookSelfTest {
    let hook: String

    func run(into report: inout DoctorReport) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let environment = [
            "HOME": scratch.path,
            "PATH": "/usr/bin:/bin",
            "GATEHOUSE_AUDIT_LOG": scratch.appendingPathComponent("audit.jsonl").path,
        ]

        let deny = invoke(payload(command: "rm -rf ~", cwd: scratch.path), environment: environment)
        if deny.status == 0, deny.stdout.contains("\"permissionDecision\":\"deny\""), deny.stdout.contains("gh_") {
            report.pass("hook denies a dangerous call (rm -rf ~)")
        } else {
            report.fail(
                "hook did not deny `rm -rf ~` (exit \(deny.status)): \(deny.stdout)\(deny.stderr)",
                fix: "rebuild with `make`; if it persists, report the output above")
        }

        let allow = invoke(payload(command: "echo gatehouse-doctor", cwd: scratch.path), environment: environment)
        if allow.status == 0, allow.stdout.isEmpty {
            report.pass("hook allows a benign call (echo)")
        } else {
            report.fail("hook did not allow `echo` (exit \(allow.status)): \(allow.stdout)\(allow.stderr)", fix: "rebuild with `make`")
        }

        let log = (try? String(contentsOf: scratch.appendingPathComponent("audit.jsonl"), encoding: .utf8)) ?? ""
        if log.split(separator: "\n").count == 2 {
            report.pass("hook writes one audit record per decision")
        } else {
            report.fail("expected 2 audit records from the self-test, found \(log.split(separator: "\n").count)", fix: "check GATEHOUSE_AUDIT_LOG and disk space")
        }
    }

    func payload(command: String, cwd: String) -> String {
        JSONValue.object([
            ("session_id", .string("gatehouse-doctor")),
            ("cwd", .string(cwd)),
            ("hook_event_name", .string("PreToolUse")),
            ("tool_name", .string("Bash")),
            ("tool_input", .object([("command", .string(command))])),
        ]).jsonText
    }

    func invoke(_ input: String, environment: [String: String]) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hook)
        process.arguments = ["hook", "pre-tool-use"]
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return (-1, "", "\(error)") }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
