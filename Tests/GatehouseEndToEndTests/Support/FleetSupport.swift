import Foundation
import Testing

/// Paths and helpers for the fleet and bundle end-to-end tests.
enum FleetPaths {
    static let gatehouseCLI = RepoPaths.claudePlugin.appendingPathComponent("bin/gatehouse")
    static let withManagedSettings = RepoPaths.fixtures.appendingPathComponent("with_managed_settings.sh")
    static let releaseServer = RepoPaths.fixtures.appendingPathComponent("release_server.py")
    static let bundleScript = RepoPaths.root.appendingPathComponent("scripts/bundle.sh")
    /// The made-up release host; the release server answers for it (and only it).
    static let releaseHost = "releases.gatehouse.test"

    /// The plugin version, from the generated manifest (the one version constant).
    static var version: String {
        get throws {
            let data = try Data(contentsOf: RepoPaths.claudePlugin.appendingPathComponent(".claude-plugin/plugin.json"))
            return AnyJSON.parse(String(decoding: data, as: UTF8.self))?["version"]?.string ?? "0.0.0"
        }
    }

    static var platform: String {
        var info = utsname()
        uname(&info)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return field(info.sysname).lowercased() + "-" + field(info.machine)
    }
}

enum FleetGate {
    #if os(Linux)
    static let namespacesPossible = true
    #else
    static let namespacesPossible = false
    #endif
    static let namespaceComment = Comment(rawValue: """
        Endpoint-managed settings are stood in for with a Linux user+mount namespace \
        (unshare -rm); on this OS the managed-settings cases need root and are not run.
        """)

    /// Whether an unprivileged user+mount namespace with an overlay on /etc works here.
    static func requireNamespaces(in directory: URL) async throws {
        let probe = directory.appendingPathComponent("ns-probe")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        let outcome = try await ProcessRunner.run(
            FleetPaths.withManagedSettings, [probe.path, probe.appendingPathComponent("scratch").path, "/bin/true"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            currentDirectory: directory, outputDirectory: directory, timeout: .seconds(30))
        guard outcome.exitCode == 0 else {
            throw EndToEndGate.MissingPrerequisite(description: """
                Cannot enter an unprivileged user+mount namespace with an overlay on /etc \
                (`unshare -rm`; on Ubuntu: sysctl kernel.apparmor_restrict_unprivileged_userns=0). \
                The managed-settings tests need it to stand in for /etc/claude-code without root.
                \(outcome.summary)
                """)
        }
    }

    static func requireGatehouseCLI() throws {
        try EndToEndGate.requirePrerequisites()
        guard FileManager.default.isExecutableFile(atPath: FleetPaths.gatehouseCLI.path) else {
            throw EndToEndGate.MissingPrerequisite(description: "\(FleetPaths.gatehouseCLI.path) not found. Run `make` first.")
        }
    }
}

/// The stand-in release host (Fixtures/release_server.py): an HTTPS_PROXY that serves
/// `root` over TLS for FleetPaths.releaseHost with a throwaway certificate.
final class ReleaseServer {
    let port: Int
    let certificate: URL
    let log: URL
    private let child: ChildProcess

    init(root: URL, directory: URL) async throws {
        let key = directory.appendingPathComponent("release-key.pem")
        certificate = directory.appendingPathComponent("release-cert.pem")
        log = directory.appendingPathComponent("release-requests.jsonl")
        let openssl = try await ProcessRunner.run(
            URL(fileURLWithPath: EndToEndGate.findExecutable("openssl")?.path ?? "/usr/bin/openssl"),
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path, "-days", "1",
             "-subj", "/CN=\(FleetPaths.releaseHost)", "-addext", "subjectAltName=DNS:\(FleetPaths.releaseHost)"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            currentDirectory: directory, outputDirectory: directory, timeout: .seconds(60))
        guard openssl.exitCode == 0 else { throw EndToEndGate.MissingPrerequisite(description: "openssl failed: \(openssl.summary)") }
        let portFile = directory.appendingPathComponent("release-port")
        guard let python = EndToEndGate.findExecutable("python3") else {
            throw EndToEndGate.MissingPrerequisite(description: "python3 not found on PATH")
        }
        child = try ChildProcess.spawn(
            python.path,
            [FleetPaths.releaseServer.path, "--root", root.path, "--host", FleetPaths.releaseHost,
             "--cert", certificate.path, "--key", key.path, "--log", log.path, "--port-file", portFile.path],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            directory: directory.path,
            stdout: directory.appendingPathComponent("release-server.out").path,
            stderr: directory.appendingPathComponent("release-server.err").path)
        var found: Int?
        for _ in 0..<300 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text) { found = p; break }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard let found else { child.stop(); throw EndToEndGate.MissingPrerequisite(description: "release server did not start") }
        port = found
    }

    /// Environment entries that route claude's HTTPS through this server and trust its certificate.
    var environment: [String: String] {
        let proxy = "http://127.0.0.1:\(port)"
        return ["HTTPS_PROXY": proxy, "https_proxy": proxy, "HTTP_PROXY": proxy, "http_proxy": proxy,
                "NODE_EXTRA_CA_CERTS": certificate.path]
    }

    var requestLog: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func stop() { child.stop() }
}

extension ClaudeSandbox {
    /// Runs claude (a subcommand or `-p`) with extra environment and an optional launcher
    /// (e.g. the managed-settings namespace wrapper) in front of it.
    func claude(
        _ arguments: [String], launcher: [String], extraEnvironment: [String: String]
    ) async throws -> ProcessOutcome {
        let command = launcher + [RepoPaths.claudeBinary.path] + arguments
        return try await ProcessRunner.run(
            URL(fileURLWithPath: command[0]), Array(command.dropFirst()),
            environment: environment.merging(extraEnvironment) { $1 },
            currentDirectory: work, outputDirectory: root, timeout: Self.claudeTimeout)
    }

    /// `claude -p` with no --plugin-dir and no --allowedTools: only settings decide.
    func runPrompt(
        script: ModelScript, launcher: [String], extraEnvironment: [String: String] = [:], extraArguments: [String] = []
    ) async throws -> ClaudePrintRun {
        try server.setScript(script)
        let firstRequest = server.requestCount()
        let debugLog = root.appendingPathComponent("claude-debug-\(UUID().uuidString.prefix(8)).log")
        let outcome = try await claude(
            ["-p", "Run the planned command.", "--output-format", "json", "--strict-mcp-config", "--debug-file", debugLog.path] + extraArguments,
            launcher: launcher, extraEnvironment: extraEnvironment)
        return ClaudePrintRun(
            outcome: outcome,
            output: AnyJSON.parse(outcome.stdout),
            requests: server.requests(from: firstRequest),
            debugLog: (try? String(contentsOf: debugLog, encoding: .utf8)) ?? "")
    }

    /// The launcher that makes `managed` this run's /etc/claude-code.
    func managedLauncher(_ managed: URL) -> [String] {
        [FleetPaths.withManagedSettings.path, managed.path,
         root.appendingPathComponent("overlay-\(UUID().uuidString.prefix(8))").path]
    }

    /// Runs a helper program (gatehouse, the bundler, unzip) with a plain environment.
    func tool(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:]) async throws -> ProcessOutcome {
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "TMPDIR": tmp.path, "LANG": "C.UTF-8"]
        env.merge(extra) { $1 }
        return try await ProcessRunner.run(executable, arguments, environment: env, currentDirectory: work,
                                           outputDirectory: root, timeout: .seconds(300))
    }
}
