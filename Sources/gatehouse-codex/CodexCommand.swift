import ArgumentParser
import HookCore
import PolicyFiles

struct CodexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse-codex",
        abstract: "Gatehouse for the OpenAI Codex CLI: the hook binary, the plugin generator and the installer.",
        version: Gatehouse.version,
        subcommands: [Hook.self, Generate.self, Install.self, Uninstall.self]
    )

    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run as a Codex hook: reads the hook JSON on stdin; a block exits 2 with the reason on stderr.",
            discussion: """
                pre-tool-use decides before Bash, apply_patch and MCP calls (an ask is enforced as a block, because \
                Codex cannot ask from a hook); post-tool-use replaces output holding personal data or secrets with \
                a redacted copy.
                """
        )
        @Argument(help: "The hook event: pre-tool-use or post-tool-use.")
        var event: String

        func validate() throws {
            guard let parsed = HookEvent(rawValue: event), parsed != .postToolUseFailure else {
                throw ValidationError("unknown hook event '\(event)'; expected pre-tool-use or post-tool-use")
            }
        }

        func run() throws {
            GovernedHook.main(codec: CodexCodec(), event: HookEvent(rawValue: event)!)
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Codex plugin (plugins/codex) and the root catalog .agents/plugins/marketplace.json."
        )
        @Option(help: "Repository root to read skills/ and assets/ from.")
        var source = "."
        @Option(help: "Directory to write the artifacts under (default: the source root).")
        var output: String?

        func run() throws {
            let tree = try SourceTree.load(root: source)
            let files = CodexPluginGenerator(skills: tree.skills, icon: tree.icon).files()
            try ArtifactWriter(outputRoot: output ?? source).write(files)
            for file in files { print("wrote \(file.path)") }
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Gatehouse's hooks into CODEX_HOME/hooks.json and its MCP server into config.toml.",
            discussion: """
                Idempotent: running it again replaces Gatehouse's entries and keeps everything else, comments \
                included. Codex silently skips hooks nobody trusted; --trust asks Codex (codex app-server, \
                hooks/list) for the hooks' keys and hashes and records them in config.toml, as Codex's /hooks \
                screen does. This also trusts the hooks of an installed Gatehouse plugin.
                """
        )
        @OptionGroup var location: CodexLocation
        @Flag(help: "Record trust for Gatehouse's hooks (needs the codex binary).")
        var trust = false
        @Flag(help: "Gatehouse came as a Codex plugin (codex plugin marketplace add): write no hooks or MCP server of its own, only record trust for the plugin's hooks. Implies --trust.")
        var plugin = false
        @Option(help: "The codex binary used for --trust.")
        var codex = "codex"
        @Option(help: "The working directory Codex resolves project hooks for (default: the current one).")
        var cwd: String?

        func run() throws {
            let installer = try CodexInstaller(location: location)
            if !plugin {
                for line in try installer.install() { print(line) }
            }
            if trust || plugin {
                for line in try installer.trust(codex: codex, cwd: cwd ?? CodexInstaller.currentDirectory()) { print(line) }
            } else {
                print("note: Codex skips hooks that were never trusted; run again with --trust, or trust them in Codex's /hooks screen.")
            }
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove everything install wrote: Gatehouse's hooks, its config.toml block and its trust records."
        )
        @OptionGroup var location: CodexLocation

        func run() throws {
            for line in try CodexInstaller(location: location).uninstall() { print(line) }
        }
    }
}

struct CodexLocation: ParsableArguments {
    @Option(help: "Codex's home directory (default: $CODEX_HOME, else ~/.codex).")
    var codexHome: String?
    @Option(help: "Directory holding gatehouse-codex and gatehouse (default: this binary's directory).")
    var binDir: String?
}
