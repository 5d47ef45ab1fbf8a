import Foundation

/// The scripted Messages API stand-in (Fixtures/model_server.py), one per sandbox.
/// It also acts as the HTTP(S) proxy of every claude process we start, so any traffic
/// aimed outside the machine is refused and shows up in the log as kind "proxy".
final class ModelServer {
    let port: Int
    let scriptURL: URL
    let logURL: URL
    private let child: ChildProcess

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts the server on a free loopback port and waits until it has bound it.
    init(directory: URL, maxSeconds: Int = 600) async throws {
        scriptURL = directory.appendingPathComponent("model-script.json")
        logURL = directory.appendingPathComponent("model-requests.jsonl")
        let portURL = directory.appendingPathComponent("model-port")
        try ModelScript(turns: [.text("Done.")]).jsonData().write(to: scriptURL, options: .atomic)
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)

        guard let python = EndToEndGate.findExecutable("python3") else {
            throw EndToEndGate.MissingPrerequisite(description: "python3 not found on PATH")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let serverLog = directory.appendingPathComponent("model-server.log").path
        let child = try ChildProcess.spawn(
            python.path,
            [RepoPaths.modelServer.path,
             "--script", scriptURL.path, "--log", logURL.path, "--port-file", portURL.path,
             "--max-seconds", String(maxSeconds)],  // bounded even if the test process hangs
            environment: environment, directory: directory.path,
            stdout: serverLog, stderr: serverLog)
        self.child = child

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(15))
        var found: Int?
        while found == nil, clock.now < deadline, !child.hasExited() {
            if let text = try? String(contentsOf: portURL, encoding: .utf8) {
                found = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if found == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard let found else {
            child.stop()
            let log = (try? String(contentsOfFile: serverLog, encoding: .utf8)) ?? ""
            throw EndToEndGate.MissingPrerequisite(description: "model_server.py did not start:\n\(log)")
        }
        port = found
    }

    /// Replaces the script; the server re-reads it on every request.
    func setScript(_ script: ModelScript) throws {
        try script.jsonData().write(to: scriptURL, options: .atomic)
    }

    /// Number of requests logged so far; pass it to `requests(from:)` to see one run only.
    func requestCount() -> Int { requests().count }

    func requests(from start: Int = 0) -> [LoggedRequest] {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.dropFirst(start).compactMap { LoggedRequest(line: String($0)) }
    }

    func stop() {
        child.stop()
    }

    deinit { stop() }
}

/// One line of the server's JSON-lines log.
struct LoggedRequest: Sendable {
    let kind: String  // main | side | count_tokens | proxy | other
    let method: String
    let path: String
    let body: AnyJSON?
    let rawLine: String

    init?(line: String) {
        guard let value = AnyJSON.parse(line) else { return nil }
        kind = value["kind"]?.string ?? "other"
        method = value["method"]?.string ?? ""
        path = value["path"]?.string ?? ""
        body = value["body"]
        rawLine = line
    }
}

/// A tool_result block as the model received it.
struct ReceivedToolResult: Sendable {
    let toolUseID: String
    let text: String
    let isError: Bool
}

extension Array where Element == LoggedRequest {
    /// Every distinct tool_result sent to the model in main-conversation requests.
    /// Later requests repeat the history, so results are de-duplicated by tool_use_id.
    var toolResults: [ReceivedToolResult] {
        var seen = Set<String>()
        var results: [ReceivedToolResult] = []
        for request in self where request.kind == "main" {
            for message in request.body?["messages"]?.array ?? [] {
                for block in message["content"]?.array ?? [] where block["type"]?.string == "tool_result" {
                    let id = block["tool_use_id"]?.string ?? ""
                    guard !seen.contains(id) else { continue }
                    seen.insert(id)
                    results.append(ReceivedToolResult(
                        toolUseID: id,
                        text: Self.flatten(block["content"]),
                        isError: block["is_error"]?.bool ?? false))
                }
            }
        }
        return results
    }

    /// tool_result content is either a string or a list of content blocks.
    private static func flatten(_ content: AnyJSON?) -> String {
        switch content {
        case .string(let s)?: return s
        case .array(let blocks)?: return blocks.compactMap { $0["text"]?.string }.joined(separator: "\n")
        default: return ""
        }
    }
}
