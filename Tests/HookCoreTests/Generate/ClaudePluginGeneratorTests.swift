import Testing
@testable import HookCore

@Suite struct ClaudePluginGeneratorTests {
    let generator = ClaudePluginGenerator(
        skills: [SkillSource(name: "gatehouse-decisions", text: "---\nname: gatehouse-decisions\n---\n")], icon: [1, 2, 3])

    func file(_ path: String) throws -> GeneratedFile {
        try #require(generator.files().first { $0.path == path })
    }

    @Test func manifestCarriesTheVersionConstantAndNeverListsTheDefaultHooksFile() throws {
        let manifest = try JSONParser.parse(file("plugins/claude/.claude-plugin/plugin.json").text)
        #expect(manifest["name"] == .string("gatehouse"))
        #expect(manifest["version"] == .string(Gatehouse.version))
        #expect(manifest["hooks"] == nil)
        for key in ["description", "author", "homepage", "repository", "license", "keywords"] {
            #expect(manifest[key] != nil, "\(key)")
        }
    }

    @Test func hooksQuoteThePluginRootAndFailClosedWhenTheBinaryIsMissing() throws {
        let hooks = try JSONParser.parse(file("plugins/claude/hooks/hooks.json").text)
        for event in ["PreToolUse", "PostToolUse"] {
            let group = try #require(hooks["hooks"]?[event]?.arrayValue?.first)
            #expect(group["matcher"] == .string(ClaudePluginGenerator.governedTools))
            let handler = try #require(group["hooks"]?.arrayValue?.first)
            let command = try #require(handler["command"]?.stringValue)
            #expect(command.contains("\"${CLAUDE_PLUGIN_ROOT}/bin/gatehouse-claude\""))
            #expect(command.hasSuffix("exit 2"))
            #expect(handler["timeout"] != nil)
        }
    }

    @Test func marketplacePointsAtThePluginRoot() throws {
        let catalog = try JSONParser.parse(file(".claude-plugin/marketplace.json").text)
        #expect(catalog["name"] == .string("gatehouse"))
        #expect(catalog["plugins"]?.arrayValue?.first?["source"] == .string("./plugins/claude"))
    }

    @Test func outputIsDeterministic() {
        #expect(generator.files() == generator.files())
        #expect(generator.files().contains { $0.path == "plugins/claude/skills/gatehouse-decisions/SKILL.md" })
    }
}
