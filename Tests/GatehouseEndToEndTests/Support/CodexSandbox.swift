import Foundation

/// A throwaway world for one Codex run: its own HOME, CODEX_HOME, working
/// directory and scripted Responses API server on 127.0.0.1, removed afterwards.
final class CodexSandbox {
    let root: URL
    let home: URL
    let codexHome: URL
    let work: URL
    let tmp: URL
    let auditLog: URL
    let server: ModelServer

    static let timeout: Duration = .seconds(120)
    /// A model slug from Codex's bundled catalog whose tools include the freeform
    /// `apply_patch` (an unknown slug gets fallback metadata without it).
    static let model = "gpt-5.5"

    private init(root: URL, server: ModelServer) {
        self.root = root
        home = root.appendingPathComponent("home")
        codexHome = root.appendingPathComponent("codex-home")
        work = root.appendingPathComponent("work")
        tmp = root.appendingPathComponent("tmp")
        auditLog = root.appendingPathComponent("audit.jsonl")
        self.server = server
    }

    static func with<T>(_ body: (CodexSandbox) async throws -> T) async throws -> T {
        // Not under /tmp: Codex refuses to create its helper aliases below a temporary directory.
        let base = RepoPaths.root.appendingPathComponent(".build/e2e-codex")
        let root = base.appendingPathComponent(UUID().uuidString).resolvingSymlinksInPath()
        let fm = FileManager.default
        for sub in ["home", "codex-home", "work", "tmp", "server"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        defer { try? fm.removeItem(at: root) }
        let server = try await ModelServer(directory: root.appendingPathComponent("server"))
        defer { server.stop() }
        let sandbox = CodexSandbox(root: root, server: server)
        try sandbox.writeConfig()
        return try await body(sandbox)
    }

    /// A model provider whose base_url is the scripted server; no approvals and no
    /// sandbox, so that whatever stops a call is Gatehouse's hook.
    func writeConfig() throws {
        let config = """
            model = "\(Self.model)"
            model_provider = "e2e"
            approval_policy = "never"
            sandbox_mode = "danger-full-access"
            check_for_update_on_startup = false

            [analytics]
            enabled = false

            [feedback]
            enabled = false

            [features]
            apps = false

            [model_providers.e2e]
            name = "scripted e2e model"
            base_url = "\(server.baseURL)/v1"
            wire_api = "responses"

            """
        try config.write(to: codexHome.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    var environment: [String: String] {
        let proxy = server.baseURL
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path, "CODEX_HOME": codexHome.path, "TMPDIR": tmp.path, "TERM": "dumb", "LANG": "C.UTF-8",
            "GATEHOUSE_AUDIT_LOG": auditLog.path,
            "HTTPS_PROXY": proxy, "https_proxy": proxy, "HTTP_PROXY": proxy, "http_proxy": proxy,
            "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
        ]
    }

    func run(_ executable: URL, _ arguments: [String]) async throws -> ProcessOutcome {
        try await ProcessRunner.run(
            executable, arguments, environment: environment, currentDirectory: work, outputDirectory: root,
            timeout: Self.timeout)
    }

    func codex(_ arguments: [String]) async throws -> ProcessOutcome {
        try await run(RepoPaths.codexBinary, arguments)
    }

    /// Runs `codex exec` against the scripted turns and returns what the model received.
    func exec(_ turns: [AnyJSON], bypassHookTrust: Bool = false) async throws -> CodexRun {
        let script: AnyJSON = ["turns": .array(turns), "side_text": "ok"]
        try JSONEncoder().encode(script).write(to: server.scriptURL, options: .atomic)
        let first = server.requestCount()
        var arguments = ["exec", "--skip-git-repo-check"]
        if bypassHookTrust { arguments.append("--dangerously-bypass-hook-trust") }
        arguments.append("Do the planned step.")
        let outcome = try await codex(arguments)
        return CodexRun(outcome: outcome, requests: server.requests(from: first))
    }

    var audit: String { (try? String(contentsOf: auditLog, encoding: .utf8)) ?? "" }
}

/// Script turns for the Responses API mode of model_server.py.
enum CodexTurn {
    static func shell(_ command: String) -> AnyJSON {
        ["tool_call": ["name": "exec_command", "arguments": ["cmd": .string(command)]]]
    }
    static func patch(_ text: String) -> AnyJSON {
        ["custom_tool_call": ["name": "apply_patch", "input": .string(text)]]
    }
    static func text(_ text: String) -> AnyJSON { ["text": .string(text)] }
}

/// One `codex exec` run.
struct CodexRun: Sendable {
    let outcome: ProcessOutcome
    let requests: [LoggedRequest]

    /// Tool outputs the model received (function and custom tool call outputs), in order, de-duplicated by call id.
    var toolOutputs: [String] {
        var seen = Set<String>()
        var outputs: [String] = []
        for request in requests where request.kind == "responses" {
            for item in request.body?["input"]?.array ?? [] {
                let type = item["type"]?.string ?? ""
                guard type == "function_call_output" || type == "custom_tool_call_output" else { continue }
                let id = item["call_id"]?.string ?? ""
                guard !seen.contains(id) else { continue }
                seen.insert(id)
                switch item["output"] {
                case .string(let text)?: outputs.append(text)
                case let other?: outputs.append(String(decoding: (try? JSONEncoder().encode(other)) ?? Data(), as: UTF8.self))
                case nil: outputs.append("")
                }
            }
        }
        return outputs
    }

    var strayRequests: [LoggedRequest] { requests.filter { $0.kind == "proxy" } }

    var diagnosis: String {
        """
        \(outcome.summary)
        stdout: \(outcome.stdout.suffix(1500))
        tool outputs received by the model:
        \(toolOutputs.isEmpty ? "  <none>" : toolOutputs.map { "  - \($0)" }.joined(separator: "\n"))
        """
    }
}
