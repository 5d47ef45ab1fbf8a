import Testing
@testable import HookCore

@Suite struct ManagedTextBlockTests {
    let block = ManagedTextBlock(name: "gatehouse")
    let user = "# my settings\nmodel = \"o3\"   # keep this comment\n\n[profiles.work]\nmodel = \"x\"\n"

    @Test func upsertKeepsTheUsersTextAndIsIdempotent() {
        let once = block.upsert("[mcp_servers.gatehouse]\ncommand = \"/g\"\n", into: user)
        #expect(once.hasPrefix(user))
        #expect(block.upsert("[mcp_servers.gatehouse]\ncommand = \"/g\"\n", into: once) == once)
        let changed = block.upsert("[mcp_servers.gatehouse]\ncommand = \"/h\"\n", into: once)
        #expect(changed.hasPrefix(user) && changed.contains("\"/h\"") && !changed.contains("\"/g\""))
        #expect(block.body(in: changed) == "[mcp_servers.gatehouse]\ncommand = \"/h\"\n")
    }

    @Test func removeRestoresTheOriginal() {
        #expect(block.remove(from: block.upsert("x = 1\n", into: user)) == user)
        #expect(block.remove(from: block.upsert("x = 1\n", into: "")) == "")
        #expect(block.remove(from: user) == user)
    }
}

@Suite struct HooksFileMergeTests {
    let foreign: JSONValue = .object([
        ("description", .string("mine")),
        ("hooks", .object([("PreToolUse", .array([.object([
            ("matcher", .string("Bash")), ("hooks", .array([.object([("type", .string("command")), ("command", .string("/usr/bin/lint"))])])),
        ])]))])),
    ])

    func ours(_ binary: String) -> JSONValue {
        CodexPluginGenerator(skills: [], icon: []).hooks { CodexPluginGenerator.hookCommand($0, binary: binary) }
    }

    @Test func mergeKeepsForeignHooksAndReplacesOurs() throws {
        let once = HooksFileMerge.mergeGrouped(existing: foreign, ours: ours("/a/gatehouse-codex"), marker: "gatehouse-codex")
        #expect(once["description"] == .string("mine"))
        #expect(once["hooks"]?["PreToolUse"]?.arrayValue?.count == 2)
        #expect(once["hooks"]?["PostToolUse"]?.arrayValue?.count == 1)
        let again = HooksFileMerge.mergeGrouped(existing: once, ours: ours("/b/gatehouse-codex"), marker: "gatehouse-codex")
        #expect(again["hooks"]?["PreToolUse"]?.arrayValue?.count == 2)
        #expect(!again.jsonText.contains("/a/gatehouse-codex") && again.jsonText.contains("/b/gatehouse-codex"))
        #expect(HooksFileMerge.removeGrouped(from: again, marker: "gatehouse-codex") == foreign)
    }

    @Test func cursorMergeIsFlatAndReversible() {
        let mine: JSONValue = .object([("version", .int(1)), ("hooks", .object([
            ("stop", .array([.object([("command", .string("./stop.sh"))])])),
        ]))])
        let ours = CursorPluginGenerator.hooks { CursorPluginGenerator.hookCommand($0, binary: "/g/gatehouse-cursor") }
        let merged = HooksFileMerge.mergeFlat(existing: mine, ours: ours, marker: "gatehouse-cursor")
        #expect(merged["hooks"]?["stop"] == mine["hooks"]?["stop"])
        #expect(merged["hooks"]?["beforeShellExecution"]?.arrayValue?.count == 1)
        #expect(HooksFileMerge.mergeFlat(existing: merged, ours: ours, marker: "gatehouse-cursor") == merged)
        #expect(HooksFileMerge.removeFlat(from: merged, marker: "gatehouse-cursor") == mine)
    }
}

@Suite struct CodexHookTrustTests {
    @Test func readsGatehouseHooksFromAHooksListAnswer() {
        let ours = #"{"key":"/h/hooks.json:pre_tool_use:0:0","command":"[ -x \"/g/gatehouse-codex\" ] && exec x","currentHash":"sha256:aa","trustStatus":"untrusted"}"#
        let theirs = #"{"key":"/h/hooks.json:pre_tool_use:1:0","command":"/usr/bin/lint","currentHash":"sha256:bb","trustStatus":"untrusted"}"#
        let answer = #"{"id":1,"result":{}}"# + "\n" + #"{"method":"configWarning","params":{}}"# + "\n"
            + #"{"id":2,"result":{"data":[{"cwd":"/w","hooks":["# + ours + "," + theirs + "]}]}}\n"
        let found = CodexHookTrust.parse(listOutput: answer, marker: "gatehouse-codex")
        #expect(found == [CodexHookTrust(key: "/h/hooks.json:pre_tool_use:0:0", hash: "sha256:aa", trusted: false)])
        #expect(CodexHookTrust.tomlTables(found) == "[hooks.state.\"/h/hooks.json:pre_tool_use:0:0\"]\ntrusted_hash = \"sha256:aa\"\n")
    }
}
