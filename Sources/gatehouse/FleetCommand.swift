import ArgumentParser
import Foundation
import GatehouseFleet
import HookCore

struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Render and check the managed-settings templates for a fleet rollout.",
        subcommands: [Render.self, Check.self]
    )

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the managed settings, MDM payloads, Codex requirements and Cursor hooks for a rollout.",
            discussion: """
                Every JSON file (and the JSON inside the plist, registry and TOML files) is checked against the \
                published host schemas before the command reports success. See managed-settings/README.md.
                """
        )
        @Option(help: "The governance agent URL (GATEHOUSE_ENDPOINT), http(s).")
        var endpoint: String
        @Option(help: "The release tag to pin, e.g. v\(Gatehouse.version).")
        var ref: String
        @Option(help: "observe (log what would be blocked) or enforce.")
        var mode: String
        @Option(help: "Read the credential (base64 of client-id:client-secret) from this environment variable, so it never appears on a command line. Without it a placeholder is written.")
        var authEnv: String?
        @Option(help: "Use a directory marketplace at this absolute path (an unpacked bundle) instead of the hosted release catalog.")
        var marketplaceDir: String?
        @Option(help: "Base URL of the hosted release assets; the ref is appended.")
        var releaseBaseURL = FleetOptions.defaultReleaseBase
        @Option(help: "Platform of the release catalog the Linux/WSL and Windows settings name (os-arch, as `make bundle` names it).")
        var platform = "linux-x86_64"
        @Option(help: "Platform of the release catalog the macOS payloads name.")
        var macPlatform = "darwin-arm64"
        @Option(help: "Where MDM puts the bundle's bin/ for Codex and Cursor.")
        var installPrefix = "/opt/gatehouse"
        @Option(help: "Directory holding the vendored JSON schemas (default: schemas/vendor in the checkout).")
        var schemas: String?
        @Option(help: "Output directory.")
        var out: String

        func run() throws {
            guard let mode = FleetOptions.Mode(rawValue: mode) else {
                throw ValidationError("--mode must be observe or enforce, got '\(mode)'")
            }
            var credential: String?
            if let authEnv {
                guard let value = ProcessInfo.processInfo.environment[authEnv], !value.isEmpty else {
                    throw CLIError("--auth-env \(authEnv): that environment variable is not set or empty")
                }
                credential = value
            }
            let options = FleetOptions(
                endpoint: endpoint, ref: ref, mode: mode, credential: credential,
                marketplace: marketplaceDir.map { .directory(path: $0) } ?? .release(baseURL: releaseBaseURL),
                installPrefix: installPrefix, platform: platform, macPlatform: macPlatform)
            do { try options.validate() } catch let error as FleetError { throw ValidationError(error.description) }

            let renderer = FleetRenderer(options: options)
            let schemaDirectory = try SchemaLocator.locate(schemas)
            let problems = try renderer.validate(schemaDirectory: schemaDirectory)
            guard problems.isEmpty else {
                throw CLIError("rendered files do not validate:\n" + problems.joined(separator: "\n"))
            }
            let files = renderer.files()
            try ArtifactWriter(outputRoot: out).write(files)
            if credential != nil {
                // The files now hold a credential: readable by the owner only.
                for file in files { chmod(out + "/" + file.path, 0o600) }
            }
            for file in files { print("wrote \(out)/\(file.path)") }
            print("validated \(renderer.jsonArtifacts.count + renderer.embeddedJSON.count) JSON documents against \(schemaDirectory)")
            print(Self.nextSteps(options))
        }

        /// What the fleet must still do, as tested against the real CLI (FINDINGS.md h).
        static func nextSteps(_ options: FleetOptions) -> String {
            switch options.marketplace {
            case .directory(let path):
                return "next: unpack the Claude Code release zip to \(path)/gatehouse and copy the release's "
                    + "*.local-marketplace.json to \(path)/.claude-plugin/marketplace.json (or point at a checkout); "
                    + "nothing else is needed per user."
            case .release:
                return "next: the hosted catalog is not loaded by `claude -p` on its own. Run "
                    + "`claude plugin install gatehouse@gatehouse` once per user (login script) after deploying, "
                    + "and again after changing --ref. Or use --marketplace-dir with the unpacked bundle."
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the JSON files of a rendered (or hand-edited) managed-settings folder against the schemas."
        )
        @Option(help: "Directory holding the vendored JSON schemas (default: schemas/vendor in the checkout).")
        var schemas: String?
        @Argument(help: "A folder written by `gatehouse fleet render`.")
        var directory: String

        func run() throws {
            let schemaDirectory = try SchemaLocator.locate(schemas)
            let report = try FleetCheck(directory: directory, schemaDirectory: schemaDirectory).run()
            for line in report.checked { print("ok    \(line)") }
            for line in report.problems { print("FAIL  \(line)") }
            if !report.problems.isEmpty { throw ExitCode(1) }
            print("\(report.checked.count) files valid")
        }
    }
}

/// Finds the vendored schemas: an explicit path, the checkout's schemas/vendor,
/// or one next to this binary's checkout (plugins/<host>/bin or .build/<config>).
enum SchemaLocator {
    static func locate(_ explicit: String?) throws -> String {
        let fm = FileManager.default
        if let explicit {
            guard fm.fileExists(atPath: explicit + "/" + FleetRenderer.claudeSettingsSchema) else {
                throw CLIError("--schemas \(explicit): no \(FleetRenderer.claudeSettingsSchema) there")
            }
            return explicit
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            fm.currentDirectoryPath + "/schemas/vendor",
            exe.appendingPathComponent("../../schemas/vendor").standardized.path,
            exe.appendingPathComponent("../../../schemas/vendor").standardized.path,
        ]
        for candidate in candidates where fm.fileExists(atPath: candidate + "/" + FleetRenderer.claudeSettingsSchema) {
            return candidate
        }
        throw CLIError("JSON schemas not found (looked in \(candidates.joined(separator: ", "))); pass --schemas DIR")
    }
}
