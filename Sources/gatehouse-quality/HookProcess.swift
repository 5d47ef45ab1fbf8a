import Foundation

/// Runs the real hook binary once per sample, as Claude Code would.
struct HookProcess: Sendable {
    var binary: String
    var environment: [String: String]

    func run(event: String, payload: [String: Any], cwd: String) throws -> (stdout: String, status: Int32) {
        var body = payload
        body["session_id"] = "quality"
        body["transcript_path"] = "/dev/null"
        body["cwd"] = cwd
        body["hook_event_name"] = event
        let data = try JSONSerialization.data(withJSONObject: body)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["hook", event == "PreToolUse" ? "pre-tool-use" : "post-tool-use"]
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), process.terminationStatus)
    }
}
