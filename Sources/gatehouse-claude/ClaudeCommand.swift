import ArgumentParser
import HookCore
import PolicyFiles

struct ClaudeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse-claude",
        abstract: "Gatehouse for Claude Code: the hook binary and the plugin generator.",
        version: Gatehouse.version,
        subcommands: [Hook.self, Generate.self]
    )

    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run as a Claude Code hook: reads the hook JSON on stdin, answers on stdout.",
            discussion: """
                pre-tool-use decides allow, deny or ask before a tool call; post-tool-use redacts personal \
                data and secrets from the tool's output. Claude Code runs these from hooks/hooks.json.
                """
        )
        @Argument(help: "The hook event: pre-tool-use or post-tool-use.")
        var event: String

        func validate() throws {
            guard HookEvent(rawValue: event) != nil else {
                throw ValidationError("unknown hook event '\(event)'; expected pre-tool-use or post-tool-use")
            }
        }

        func run() throws {
            GovernedHook.main(codec: ClaudeCodec(), event: HookEvent(rawValue: event)!)
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Claude Code plugin (plugins/claude) and the root marketplace catalog."
        )
        @Option(help: "Repository root to read skills/ and assets/ from.")
        var source = "."
        @Option(help: "Directory to write the artifacts under (default: the source root).")
        var output: String?

        func run() throws {
            let tree = try SourceTree.load(root: source)
            let files = ClaudePluginGenerator(skills: tree.skills, icon: tree.icon).files()
            try ArtifactWriter(outputRoot: output ?? source).write(files)
            for file in files { print("wrote \(file.path)") }
        }
    }
}

