import Testing
@testable import HookCore

@Suite struct CodexPluginGeneratorTests {
    let generator = CodexPluginGenerator(
        skills: [SkillSource(name: "pii-scan", text: "---\nname: pii-scan\ndescription: d\n---\n")], icon: [1])

    func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try #require(generator.files().first { $0.path == path }).text)
    }

    @Test func hooksAreCommandHandlersWithoutArgsGuardedAgainstAMissingBinary() throws {
        let hooks = try json("plugins/codex/hooks/hooks.json")
        for event in ["PreToolUse", "PostToolUse"] {
            let group = try #require(hooks["hooks"]?[event]?.arrayValue?.first)
            #expect(group["matcher"] == .string("^(Bash|apply_patch|mcp__.*)$"))
            let handler = try #require(group["hooks"]?.arrayValue?.first)
            #expect(handler["type"] == .string("command"))
            #expect(handler["args"] == nil)
            let command = try #require(handler["command"]?.stringValue)
            #expect(command.contains("\"${PLUGIN_ROOT}/bin/gatehouse-codex\"") && command.hasSuffix("exit 2"))
        }
    }

    @Test func manifestMarketplaceAndMCPUseCodexNames() throws {
        let manifest = try json("plugins/codex/.codex-plugin/plugin.json")
        #expect(manifest["interface"]?["category"] == .string("Security"))
        #expect(manifest["version"] == .string(Gatehouse.version))
        let entry = try #require(try json(".agents/plugins/marketplace.json")["plugins"]?.arrayValue?.first)
        #expect(entry["source"]?["path"] == .string("./plugins/codex"))
        #expect(entry["policy"]?["installation"] == .string("INSTALLED_BY_DEFAULT"))
        let server = try #require(try json("plugins/codex/.mcp.json")["mcp_servers"]?["gatehouse"])
        #expect(server["args"] == .array([.string("mcp")]))
        #expect(generator.files().contains { $0.path == "plugins/codex/skills/pii-scan/SKILL.md" })
    }

    @Test func mcpSnippetsNeverMixStdioAndHttpKeys() {
        let local = CodexPluginGenerator.localMCPBlock(command: "/opt/g/bin/gatehouse")
        let remote = CodexPluginGenerator.remoteMCPBlock(url: "https://g.example/mcp")
        let keys = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(" = ") }
                .map { String($0.split(separator: " ")[0]) }
        }
        #expect(keys(local) == ["command", "args"])
        #expect(keys(remote) == ["url", "env_http_headers"])
        #expect(remote.contains(#"env_http_headers = { "Authorization" = "GATEHOUSE_MCP_AUTHORIZATION" }"#))
        #expect(remote.contains("Basic "))
    }
}

@Suite struct CursorPluginGeneratorTests {
    let generator = CursorPluginGenerator(skills: [], icon: [1])

    func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try #require(generator.files().first { $0.path == path }).text)
    }

    @Test func hooksUseOnlyCursorEventsAndFailClosedBeforeCalls() throws {
        let hooks = try json("plugins/cursor/hooks/hooks.json")
        #expect(hooks["version"] == .int(1))
        let events = try #require(hooks["hooks"]?.objectMembers)
        for (event, handlers) in events {
            let parsed = try #require(CursorEvent(rawValue: event))
            let handler = try #require(handlers.arrayValue?.first)
            #expect(handler["command"]?.stringValue?.contains("hook \(event)") == true)
            #expect((handler["failClosed"] == .bool(true)) == (parsed.hookEvent == .preToolUse))
        }
        #expect(events.map(\.key).contains("afterFileEdit"))
    }

    @Test func manifestHasAKebabNameAndTheMarketplacePointsAtThePlugin() throws {
        let manifest = try json("plugins/cursor/.cursor-plugin/plugin.json")
        #expect(manifest["name"] == .string("gatehouse"))
        #expect(manifest["author"]?["url"] == nil)
        let catalog = try json(".cursor-plugin/marketplace.json")
        #expect(catalog["plugins"]?.arrayValue?.first?["source"] == .string("plugins/cursor"))
        let rule = try #require(generator.files().first { $0.path == "plugins/cursor/rules/gatehouse.mdc" }).text
        #expect(rule.hasPrefix("---\ndescription: ") && rule.contains("alwaysApply: true"))
    }
}
