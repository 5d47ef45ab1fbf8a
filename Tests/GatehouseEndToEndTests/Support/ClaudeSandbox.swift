import Foundation

/// A throwaway world for one test: its own HOME, working directory, TMPDIR and model
/// server (so its own port), all removed afterwards. Tests can run in parallel.
final class ClaudeSandbox {
    let root: URL
    let home: URL
    let work: URL
    let tmp: URL
    /// Where the hook writes its audit trail (GATEHOUSE_AUDIT_LOG).
    let auditLog: URL
    let server: ModelServer

    /// Per-invocation limit for claude; a normal run takes about a second.
    static let claudeTimeout: Duration = .seconds(120)

    private init(root: URL, server: ModelServer) {
        self.root = root
        self.home = root.appendingPathComponent("home")
        self.work = root.appendingPathComponent("work")
        self.tmp = root.appendingPathComponent("tmp")
        self.auditLog = root.appendingPathComponent("audit.jsonl")
        self.server = server
    }

    /// Runs `body` with a fresh sandbox and always cleans up.
    static func with<T>(_ body: (ClaudeSandbox) async throws -> T) async throws -> T {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("gatehouse-e2e-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        let fm = FileManager.default
        for sub in ["home", "work", "tmp", "server"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        defer { try? fm.removeItem(at: root) }
        let server = try await ModelServer(directory: root.appendingPathComponent("server"))
        defer { server.stop() }
        return try await body(ClaudeSandbox(root: root, server: server))
    }

    /// The whole environment of a claude process: nothing inherited but PATH, so a
    /// developer's own Claude settings, keys or nesting markers cannot leak in.
    var environment: [String: String] {
        let proxy = server.baseURL
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "TMPDIR": tmp.path,
            "TERM": "dumb",
            "GATEHOUSE_AUDIT_LOG": auditLog.path,
            "LANG": "C.UTF-8",
            "ANTHROPIC_BASE_URL": server.baseURL,
            "ANTHROPIC_API_KEY": "sk-ant-gatehouse-e2e-dummy",
            // No telemetry, update checks, feature flags or other side traffic.
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
            "DISABLE_AUTOUPDATER": "1",
            "DISABLE_TELEMETRY": "1",
            "DISABLE_ERROR_REPORTING": "1",
            // Anything that still tries to go out goes to the model server and is refused.
            "HTTPS_PROXY": proxy, "https_proxy": proxy,
            "HTTP_PROXY": proxy, "http_proxy": proxy,
            "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
        ]
    }

    /// Runs a claude subcommand such as `plugin validate`.
    func claude(_ arguments: [String], in directory: URL? = nil) async throws -> ProcessOutcome {
        try await ProcessRunner.run(
            RepoPaths.claudeBinary, arguments,
            environment: environment,
            currentDirectory: directory ?? work,
            outputDirectory: root,
            timeout: Self.claudeTimeout)
    }

    /// Runs `claude -p` against the scripted model and returns what happened.
    func runPrompt(
        prompt: String = "Run the planned command.",
        script: ModelScript,
        pluginDir: URL? = nil,
        allowedTools: [String] = ["Bash"]
    ) async throws -> ClaudePrintRun {
        try server.setScript(script)
        let firstRequest = server.requestCount()
        let debugLog = root.appendingPathComponent("claude-debug-\(UUID().uuidString.prefix(8)).log")
        var arguments = ["-p", prompt, "--output-format", "json", "--strict-mcp-config",
                         "--debug-file", debugLog.path]
        if !allowedTools.isEmpty { arguments += ["--allowedTools", allowedTools.joined(separator: ",")] }
        if let pluginDir { arguments += ["--plugin-dir", pluginDir.path] }
        let outcome = try await claude(arguments)
        return ClaudePrintRun(
            outcome: outcome,
            output: AnyJSON.parse(outcome.stdout),
            requests: server.requests(from: firstRequest),
            debugLog: (try? String(contentsOf: debugLog, encoding: .utf8)) ?? "")
    }
}

/// The record of one `claude -p` run.
struct ClaudePrintRun: Sendable {
    let outcome: ProcessOutcome
    /// claude's `--output-format json` result object (nil if stdout was not JSON).
    let output: AnyJSON?
    /// Everything the model server received during this run.
    let requests: [LoggedRequest]
    /// claude's --debug-file log (hook runs are recorded there).
    let debugLog: String

    var toolResults: [ReceivedToolResult] { requests.toolResults }
    var finalText: String? { output?["result"]?.string }
    /// Requests that were aimed outside the machine (refused by the proxy).
    var strayRequests: [LoggedRequest] { requests.filter { $0.kind == "proxy" } }

    /// Everything a failure message needs to explain the run.
    var diagnosis: String {
        let results = toolResults.map { "  [\($0.toolUseID)\($0.isError ? " error" : "")] \($0.text)" }
        return """
            \(outcome.summary)
            result: \(finalText ?? "<no JSON output>")
            tool results received by the model:
            \(results.isEmpty ? "  <none>" : results.joined(separator: "\n"))
            """
    }
}
