import Foundation
import Testing

/// `scripts/bundle.sh` (what `make bundle` runs): reproducible archives, and a release
/// that installs for real from its catalog through the real Claude Code CLI. The
/// download host is a local stand-in (Fixtures/release_server.py) reached through
/// HTTPS_PROXY with a throwaway certificate, so nothing leaves the machine.
@Suite(
    "Release bundles against the real Claude Code CLI",
    .enabled(if: EndToEndGate.shouldRun, EndToEndGate.skipComment),
    .timeLimit(.minutes(10)))
struct BundleEndToEndTests {
    /// Bundles into `dist` with the release base URL on the stand-in host.
    /// `argument` is what the script is given (a path relative to the sandbox's work dir works too).
    func bundle(_ sandbox: ClaudeSandbox, into dist: URL, argument: String? = nil) async throws -> (zip: URL, catalog: URL) {
        let version = try FleetPaths.version
        let outcome = try await sandbox.tool(FleetPaths.bundleScript, [argument ?? dist.path], environment: [
            "VERSION": version,
            "RELEASE_BASE_URL": "https://\(FleetPaths.releaseHost)/v\(version)",
            "SOURCE_DATE_EPOCH": "1767225600",
        ])
        try #require(outcome.exitCode == 0, "\(outcome.summary)\n\(outcome.stdout)")
        #expect(outcome.stdout.contains("==> dist summary"), "\(outcome.stdout)")
        let stem = "gatehouse-claude-\(version)-\(FleetPaths.platform)"
        return (dist.appendingPathComponent(stem + ".zip"), dist.appendingPathComponent(stem + ".marketplace.json"))
    }

    @Test("two bundle runs give byte-identical archives and SHA256SUMS")
    func reproducible() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            let first = try await bundle(sandbox, into: sandbox.work.appendingPathComponent("dist1"), argument: "dist1")
            let second = try await bundle(sandbox, into: sandbox.root.appendingPathComponent("dist2"))
            let sums1 = try String(contentsOf: first.zip.deletingLastPathComponent().appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            let sums2 = try String(contentsOf: second.zip.deletingLastPathComponent().appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            #expect(sums1 == sums2)
            #expect(sums1.contains(first.zip.lastPathComponent) && sums1.contains(first.catalog.lastPathComponent))
            #expect(try Data(contentsOf: first.zip) == Data(contentsOf: second.zip))
            // The catalog pins this exact archive.
            let catalog = AnyJSON.parse(try String(contentsOf: first.catalog, encoding: .utf8))
            let plugins: [AnyJSON] = if case .array(let items)? = catalog?["plugins"] { items } else { [] }
            let source = plugins.first?["source"]
            #expect(source?["source"]?.string == "archive")
            #expect(source?["sha256"]?.string.map { sums1.contains("\($0)  \(first.zip.lastPathComponent)") } == true, "\(sums1)")
        }
    }

    @Test("the Claude zip unpacks into a plugin the CLI validates, with stripped binaries free of build paths")
    func zipIsAValidPlugin() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            let (zip, _) = try await bundle(sandbox, into: sandbox.root.appendingPathComponent("dist"))
            let unpacked = sandbox.root.appendingPathComponent("unpacked")
            let unzip = try await sandbox.tool(URL(fileURLWithPath: EndToEndGate.findExecutable("unzip")?.path ?? "/usr/bin/unzip"),
                                               ["-q", zip.path, "-d", unpacked.path])
            try #require(unzip.exitCode == 0, "\(unzip.summary)")
            let hook = unpacked.appendingPathComponent("bin/gatehouse-claude")
            #expect(FileManager.default.isExecutableFile(atPath: hook.path))
            let binary = try Data(contentsOf: hook)
            #expect(binary.range(of: Data(RepoPaths.root.path.utf8)) == nil, "the checkout path is baked into the hook binary")
            let report = try await sandbox.validate(["--profile", "directory", unpacked.path])
            #expect(report.succeeded, "\(report.diagnosis)")
        }
    }

    @Test("installed from the release catalog (archive source over HTTPS), the hook blocks")
    func installsFromReleaseCatalog() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            let version = try FleetPaths.version
            let www = sandbox.root.appendingPathComponent("www")
            let (_, catalog) = try await bundle(sandbox, into: www.appendingPathComponent("v\(version)"))
            let server = try await ReleaseServer(root: www, directory: sandbox.root)
            defer { server.stop() }
            // The catalog as published, as a marketplace folder of its own.
            let market = sandbox.root.appendingPathComponent("market")
            try FileManager.default.createDirectory(at: market.appendingPathComponent(".claude-plugin"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: catalog, to: market.appendingPathComponent(".claude-plugin/marketplace.json"))

            let validate = try await sandbox.validate([market.path])
            #expect(validate.succeeded, "\(validate.diagnosis)")
            let add = try await sandbox.claude(["plugin", "marketplace", "add", market.path], launcher: [], extraEnvironment: server.environment)
            try #require(add.exitCode == 0, "\(add.summary)\n\(add.stdout)")
            let install = try await sandbox.claude(["plugin", "install", "gatehouse@gatehouse"], launcher: [], extraEnvironment: server.environment)
            try #require(install.exitCode == 0, "\(install.summary)\n\(install.stdout)\n\(server.requestLog)")
            #expect(server.requestLog.contains("gatehouse-claude-\(version)-\(FleetPaths.platform).zip"), "\(server.requestLog)")

            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), launcher: [], extraEnvironment: server.environment,
                                                  extraArguments: ["--allowedTools", "Bash"])
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "\(run.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "no Gatehouse decision id\n\(run.diagnosis)")
            // The hook that decided is the installed copy of the bundle.
            #expect(run.hookLines.contains("plugins/cache/gatehouse/gatehouse/\(version)/bin/gatehouse-claude"), "\(run.hookLines)")
        }
    }

    @Test("a catalog whose sha256 does not match the archive is refused at install")
    func tamperedArchiveIsRefused() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            let version = try FleetPaths.version
            let www = sandbox.root.appendingPathComponent("www")
            let (_, catalog) = try await bundle(sandbox, into: www.appendingPathComponent("v\(version)"))
            let server = try await ReleaseServer(root: www, directory: sandbox.root)
            defer { server.stop() }
            let market = sandbox.root.appendingPathComponent("market")
            try FileManager.default.createDirectory(at: market.appendingPathComponent(".claude-plugin"), withIntermediateDirectories: true)
            let text = try String(contentsOf: catalog, encoding: .utf8)
                .replacing(/"sha256": "[0-9a-f]{64}"/, with: "\"sha256\": \"\(String(repeating: "0", count: 64))\"")
            try text.write(to: market.appendingPathComponent(".claude-plugin/marketplace.json"), atomically: true, encoding: .utf8)
            _ = try await sandbox.claude(["plugin", "marketplace", "add", market.path], launcher: [], extraEnvironment: server.environment)
            let install = try await sandbox.claude(["plugin", "install", "gatehouse@gatehouse"], launcher: [], extraEnvironment: server.environment)
            #expect(install.exitCode != 0, "\(install.stdout)")
            let cache = sandbox.home.appendingPathComponent(".claude/plugins/cache/gatehouse/gatehouse/\(version)/bin/gatehouse-claude")
            #expect(!FileManager.default.fileExists(atPath: cache.path))
        }
    }

    @Test("unpacked bundle as the managed directory marketplace: the hook blocks with no install step",
          .enabled(if: FleetGate.namespacesPossible, FleetGate.namespaceComment))
    func unpackedBundleAsManagedMarketplace() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            try await FleetGate.requireNamespaces(in: sandbox.root)
            let version = try FleetPaths.version
            let dist = sandbox.root.appendingPathComponent("dist")
            let (zip, _) = try await bundle(sandbox, into: dist)
            // What MDM would do: unpack under a fixed folder, add the local catalog.
            let opt = sandbox.root.appendingPathComponent("opt/gatehouse/claude")
            try FileManager.default.createDirectory(at: opt, withIntermediateDirectories: true)
            let unzip = try await sandbox.tool(URL(fileURLWithPath: EndToEndGate.findExecutable("unzip")?.path ?? "/usr/bin/unzip"),
                                               ["-q", zip.path, "-d", opt.appendingPathComponent("gatehouse").path])
            try #require(unzip.exitCode == 0, "\(unzip.summary)")
            try FileManager.default.createDirectory(at: opt.appendingPathComponent(".claude-plugin"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: dist.appendingPathComponent("gatehouse-claude-\(version)-\(FleetPaths.platform).local-marketplace.json"),
                to: opt.appendingPathComponent(".claude-plugin/marketplace.json"))
            let out = sandbox.root.appendingPathComponent("fleet")
            let render = try await sandbox.tool(FleetPaths.gatehouseCLI, [
                "fleet", "render", "--endpoint", "https://gatehouse-agent.example.com", "--ref", "v\(version)", "--mode", "enforce",
                "--marketplace-dir", opt.path, "--schemas", RepoPaths.root.appendingPathComponent("schemas/vendor").path, "--out", out.path])
            try #require(render.exitCode == 0, "\(render.summary)")
            #expect(render.stdout.contains("nothing else is needed per user"), "\(render.stdout)")

            let canary = try sandbox.plantCanary()
            let run = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), launcher: sandbox.managedLauncher(out.appendingPathComponent("claude")))
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(run.diagnosis)")
            let result = try #require(run.toolResults.first, "\(run.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "no Gatehouse decision id\n\(run.diagnosis)")
            #expect(run.hookLines.contains(opt.path + "/gatehouse/bin/gatehouse-claude"), "\(run.hookLines)")
        }
    }

    @Test("hosted template: -p runs are ungoverned until `claude plugin install`, then the hook blocks",
          .enabled(if: FleetGate.namespacesPossible, FleetGate.namespaceComment))
    func hostedTemplateNeedsInstallStep() async throws {
        try FleetGate.requireGatehouseCLI()
        try await ClaudeSandbox.with { sandbox in
            try await FleetGate.requireNamespaces(in: sandbox.root)
            let version = try FleetPaths.version
            let www = sandbox.root.appendingPathComponent("www")
            _ = try await bundle(sandbox, into: www.appendingPathComponent("v\(version)"))
            let server = try await ReleaseServer(root: www, directory: sandbox.root)
            defer { server.stop() }
            let out = sandbox.root.appendingPathComponent("fleet")
            let render = try await sandbox.tool(FleetPaths.gatehouseCLI, [
                "fleet", "render", "--endpoint", "https://gatehouse-agent.example.com", "--ref", "v\(version)", "--mode", "enforce",
                "--release-base-url", "https://\(FleetPaths.releaseHost)", "--platform", FleetPaths.platform,
                "--schemas", RepoPaths.root.appendingPathComponent("schemas/vendor").path, "--out", out.path])
            try #require(render.exitCode == 0, "\(render.summary)")
            let managed = out.appendingPathComponent("claude")

            // Before the install step: the plugin is not loaded, whatever the settings say.
            let token = "ungoverned-\(randomString(length: 8, from: "abcdefghijklmnopqrstuvwxyz"))"
            let before = try await sandbox.runPrompt(script: .bash("echo \(token)"), launcher: sandbox.managedLauncher(managed),
                                                     extraEnvironment: server.environment)
            #expect(!before.hookLines.contains("(plugin gatehouse@gatehouse)"), "the hosted plugin loaded without an install: update FINDINGS.md h and the README\n\(before.hookLines)")

            let install = try await sandbox.claude(["plugin", "install", "gatehouse@gatehouse"], launcher: sandbox.managedLauncher(managed),
                                                   extraEnvironment: server.environment)
            try #require(install.exitCode == 0, "\(install.summary)\n\(install.stdout)\n\(server.requestLog)")

            let canary = try sandbox.plantCanary()
            let after = try await sandbox.runPrompt(script: .bash("rm -rf $HOME"), launcher: sandbox.managedLauncher(managed),
                                                    extraEnvironment: server.environment)
            #expect(FileManager.default.fileExists(atPath: canary.path), "the canary in HOME was deleted\n\(after.diagnosis)")
            let result = try #require(after.toolResults.first, "\(after.diagnosis)")
            #expect(result.text.contains(/gh_[0-9a-z]+/), "no Gatehouse decision id after the install step\n\(after.diagnosis)")
            #expect(after.hookLines.contains("(plugin gatehouse@gatehouse)"), "\(after.hookLines)")
        }
    }

    static let codexPluginBinary = RepoPaths.root.appendingPathComponent("plugins/codex/bin/gatehouse-codex")
    static let codexCLI = RepoPaths.codexBinary
    static var codexAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: codexPluginBinary.path) && FileManager.default.isExecutableFile(atPath: codexCLI.path)
    }

    @Test(
        "the Codex bundle installs from its local marketplace form",
        .enabled(if: codexAvailable, "needs plugins/codex/bin/gatehouse-codex (run make) and the Codex CLI (run make deps-e2e)"))
    func codexBundleInstalls() async throws {
        try await ClaudeSandbox.with { sandbox in
            let version = try FleetPaths.version
            let dist = sandbox.root.appendingPathComponent("dist")
            _ = try await bundle(sandbox, into: dist)
            let stem = "gatehouse-codex-\(version)-\(FleetPaths.platform)"
            // The local form: <dir>/gatehouse (the unpacked zip) + <dir>/.agents/plugins/marketplace.json.
            let market = sandbox.root.appendingPathComponent("codex-market")
            // unzip -d creates only the last folder of the path.
            try FileManager.default.createDirectory(at: market, withIntermediateDirectories: true)
            let unzip = try await sandbox.tool(URL(fileURLWithPath: EndToEndGate.findExecutable("unzip")?.path ?? "/usr/bin/unzip"),
                                               ["-q", dist.appendingPathComponent(stem + ".zip").path, "-d", market.appendingPathComponent("gatehouse").path])
            try #require(unzip.exitCode == 0, "\(unzip.summary)")
            try FileManager.default.createDirectory(at: market.appendingPathComponent(".agents/plugins"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: dist.appendingPathComponent(stem + ".marketplace.json"),
                                             to: market.appendingPathComponent(".agents/plugins/marketplace.json"))
            // Codex refuses a CODEX_HOME that does not exist yet.
            let codexHome = sandbox.home.appendingPathComponent(".codex")
            try FileManager.default.createDirectory(at: codexHome, withIntermediateDirectories: true)
            let env = ["CODEX_HOME": codexHome.path]
            let add = try await sandbox.tool(Self.codexCLI, ["plugin", "marketplace", "add", market.path], environment: env)
            try #require(add.exitCode == 0, "\(add.summary)\n\(add.stdout)")
            let install = try await sandbox.tool(Self.codexCLI, ["plugin", "add", "gatehouse@gatehouse"], environment: env)
            try #require(install.exitCode == 0, "\(install.summary)\n\(install.stdout)")
            let cache = sandbox.home.appendingPathComponent(".codex/plugins/cache/gatehouse/gatehouse")
            let installed = (FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String]) ?? []
            #expect(installed.contains { $0.hasSuffix("bin/gatehouse-codex") }, "\(installed)")
        }
    }
}
