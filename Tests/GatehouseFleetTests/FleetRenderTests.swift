import Foundation
import GatehouseFleet
import HookCore
import Testing

/// The repository's vendored schemas, found from this file.
let schemaDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
    }
    return url.appendingPathComponent("schemas/vendor").path
}()

let placeholder = FleetOptions(endpoint: "https://gatehouse-agent.example.com", ref: "v1.2.3", mode: .enforce)

@Suite("gatehouse fleet render")
struct FleetRenderTests {
    func settings(_ variant: ClaudeManagedSettings.Variant, _ options: FleetOptions = placeholder) -> JSONValue {
        ClaudeManagedSettings(options: options).settings(variant, platform: "linux-x86_64")
    }

    @Test("every JSON document it writes validates against the vendored schemas")
    func everythingValidates() throws {
        for mode in FleetOptions.Mode.allCases {
            var options = placeholder
            options.mode = mode
            #expect(try FleetRenderer(options: options).validate(schemaDirectory: schemaDirectory) == [])
            options.marketplace = .directory(path: "/opt/gatehouse/claude-marketplace")
            #expect(try FleetRenderer(options: options).validate(schemaDirectory: schemaDirectory) == [])
        }
    }

    @Test("the settings schema is not a rubber stamp: broken settings are rejected")
    func brokenSettingsRejected() throws {
        let schema = try JSONSchema.load(path: schemaDirectory + "/claude-code-settings.json")
        let broken = try JSONParser.parse(#"""
            {"enabledPlugins":{"gatehouse@gatehouse":"yes"},
             "strictKnownMarketplaces":[{"source":"git","repo":"a/b"}],
             "allowManagedHooksOnly":"true"}
            """#)
        let problems = schema.validate(broken).map(\.pointer)
        #expect(problems.contains("/enabledPlugins/gatehouse@gatehouse"))
        #expect(problems.contains("/strictKnownMarketplaces/0"))
        #expect(problems.contains("/allowManagedHooksOnly"))
    }

    @Test("the template force-enables the plugin from a pinned marketplace and locks the settings")
    func templateShape() throws {
        let s = settings(.template)
        #expect(s["enabledPlugins"]?["gatehouse@gatehouse"] == .bool(true))
        let marketplace = try #require(s["extraKnownMarketplaces"]?["gatehouse"])
        #expect(marketplace["autoUpdate"] == .bool(false))
        let url = try #require(marketplace["source"]?["url"]?.stringValue)
        #expect(url == FleetOptions.defaultReleaseBase + "/v1.2.3/gatehouse-claude-1.2.3-linux-x86_64.marketplace.json")
        // The allowlist admits exactly the registered marketplace, nothing else.
        #expect(s["strictKnownMarketplaces"] == .array([marketplace["source"]!]))
        #expect(s["permissions"]?["deny"]?.arrayValue?.contains(.string("Read(./.env)")) == true)
        #expect(s["permissions"]?["deny"]?.arrayValue?.contains(.string("Read(./secrets/**)")) == true)
        #expect(s["permissions"]?["allow"]?.arrayValue?.contains(.string("Bash")) == true)
        #expect(s["allowManagedPermissionRulesOnly"] == .bool(true))
        #expect(s["allowManagedHooksOnly"] == .bool(true))
        #expect(s["env"]?["GATEHOUSE_MODE"] == .string("enforce"))
        #expect(s["env"]?["GATEHOUSE_ENDPOINT"] == .string("https://gatehouse-agent.example.com"))
        #expect(s["env"]?["GATEHOUSE_AUTH"] == .string(FleetOptions.credentialPlaceholder))
    }

    @Test("observe logs only and leaves people's rules; strict closes the side doors")
    func variants() {
        let observe = settings(.observe)
        #expect(observe["env"]?["GATEHOUSE_MODE"] == .string("observe"))
        #expect(observe["allowManagedPermissionRulesOnly"] == nil)
        #expect(observe["enabledPlugins"]?["gatehouse@gatehouse"] == .bool(true))
        let strict = settings(.strict, FleetOptions(endpoint: "https://a.example", ref: "v1.0.0", mode: .observe))
        #expect(strict["env"]?["GATEHOUSE_MODE"] == .string("enforce"))
        #expect(strict["disableSideloadFlags"] == .bool(true))
        #expect(strict["allowManagedMcpServersOnly"] == .bool(true))
        #expect(strict["permissions"]?["disableBypassPermissionsMode"] == .string("disable"))
    }

    @Test("a credential from --auth-env lands in env; a directory marketplace is named by path")
    func credentialAndDirectory() {
        let options = FleetOptions(endpoint: "https://a.example", ref: "v1.0.0", mode: .enforce, credential: "b3JnOmtleQ==",
                                   marketplace: .directory(path: "/opt/gatehouse/claude"))
        let s = settings(.template, options)
        #expect(s["env"]?["GATEHOUSE_AUTH"] == .string("b3JnOmtleQ=="))
        #expect(s["extraKnownMarketplaces"]?["gatehouse"]?["source"] == .object([("source", .string("directory")), ("path", .string("/opt/gatehouse/claude"))]))
    }

    @Test("bad options are refused with the flag named", arguments: [
        FleetOptions(endpoint: "gatehouse.example", ref: "v1.0.0", mode: .enforce),
        FleetOptions(endpoint: "https://a.example", ref: "1.0.0", mode: .enforce),
        FleetOptions(endpoint: "https://a.example", ref: "v1.0", mode: .enforce),
        FleetOptions(endpoint: "https://a.example/\"x", ref: "v1.0.0", mode: .enforce),
        FleetOptions(endpoint: "https://a.example", ref: "v1.0.0", mode: .enforce, marketplace: .directory(path: "relative/dir")),
        FleetOptions(endpoint: "https://a.example", ref: "v1.0.0", mode: .enforce, marketplace: .release(baseURL: "http://plain")),
    ])
    func badOptions(_ options: FleetOptions) {
        #expect(throws: FleetError.self) { try options.validate() }
    }

    @Test("the Windows registry value and the PowerShell script carry the template as one JSON line")
    func windowsPayloads() throws {
        let files = FleetRenderer(options: placeholder).files()
        let reg = try #require(files.first { $0.path.hasSuffix(".reg") }).text
        #expect(reg.hasPrefix("Windows Registry Editor Version 5.00\r\n"))
        #expect(reg.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\ClaudeCode]\r\n"))
        let line = try #require(reg.split(separator: "\r\n").first { $0.hasPrefix("\"Settings\"=\"") })
        let quoted = line.dropFirst("\"Settings\"=\"".count).dropLast()
        let json = quoted.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        #expect(try JSONParser.parse(json) == settings(.template))
        let ps1 = try #require(files.first { $0.path.hasSuffix(".ps1") }).text
        #expect(ps1.contains("$key = 'HKLM:\\SOFTWARE\\Policies\\ClaudeCode'"))
        #expect(ps1.contains("-Name 'Settings' -PropertyType String"))
        let value = try #require(ps1.split(separator: "\r\n").first { $0.hasPrefix("$settings = '") })
        #expect(try JSONParser.parse(String(value.dropFirst("$settings = '".count).dropLast())) == settings(.template))
    }

    @Test("the macOS profile forces the com.anthropic.claudecode domain to the settings")
    func macProfile() throws {
        let files = FleetRenderer(options: placeholder).files()
        let profile = try #require(files.first { $0.path.hasSuffix(".mobileconfig") })
        let plist = try PropertyListSerialization.propertyList(from: Data(profile.bytes), format: nil) as? [String: Any]
        #expect(plist?["PayloadType"] as? String == "Configuration")
        #expect(plist?["PayloadScope"] as? String == "System")
        let payload = try #require((plist?["PayloadContent"] as? [[String: Any]])?.first)
        #expect(payload["PayloadType"] as? String == "com.apple.ManagedClient.preferences")
        let domain = try #require((payload["PayloadContent"] as? [String: Any])?["com.anthropic.claudecode"] as? [String: Any])
        let forced = try #require((domain["Forced"] as? [[String: Any]])?.first?["mcx_preference_settings"] as? [String: Any])
        #expect((forced["enabledPlugins"] as? [String: Any])?["gatehouse@gatehouse"] as? Bool == true)
        #expect(forced["allowManagedHooksOnly"] as? Bool == true)
        #expect(forced["$schema"] == nil)
        let bare = try #require(files.first { $0.path.hasSuffix(".plist") })
        let dict = try PropertyListSerialization.propertyList(from: Data(bare.bytes), format: nil) as? [String: Any]
        #expect((dict?["permissions"] as? [String: Any])?["deny"] as? [String] == ClaudeManagedSettings.denyBackstop)
        // Stable identity: re-rendering keeps the UUIDs.
        #expect(FleetRenderer(options: placeholder).files() == files)
    }

    @Test("Codex requirements.toml: managed hooks only, absolute hook binary, fails closed")
    func codexRequirements() throws {
        let toml = ManagedHooks(options: placeholder).codexRequirements
        #expect(toml.contains("\nallow_managed_hooks_only = true\n"))
        #expect(toml.contains("[features]\nhooks = true\n"))
        #expect(toml.contains("[[hooks.PreToolUse]]\nmatcher = \"^(Bash|apply_patch|mcp__.*)$\"\n"))
        #expect(toml.contains("[[hooks.PreToolUse.hooks]]\ntype = \"command\"\ncommand = \"[ -x \\\"/opt/gatehouse/bin/gatehouse-codex\\\" ]"))
        #expect(toml.contains("exit 2\"\ntimeout = 10\n"))
        #expect(toml.contains("[[hooks.PostToolUse.hooks]]"))
    }

    @Test("Cursor enterprise hooks name the installed binary and fail closed before calls")
    func cursorHooks() throws {
        let hooks = ManagedHooks(options: placeholder).cursorHooks
        #expect(hooks["version"] == .number("1"))
        let shell = try #require(hooks["hooks"]?["beforeShellExecution"]?.arrayValue?.first)
        #expect(shell["failClosed"] == .bool(true))
        #expect(shell["command"]?.stringValue?.contains("exec \"/opt/gatehouse/bin/gatehouse-cursor\" hook beforeShellExecution") == true)
        #expect(hooks["hooks"]?["afterFileEdit"]?.arrayValue?.first?["failClosed"] == nil)
    }

    @Test("fleet check flags a hand-edited file that breaks the schema")
    func checkFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-check-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArtifactWriter(outputRoot: dir).write(FleetRenderer(options: placeholder).files())
        let clean = try FleetCheck(directory: dir, schemaDirectory: schemaDirectory).run()
        #expect(clean.problems.isEmpty)
        #expect(clean.checked.count == 5)
        try #"{"allowManagedHooksOnly": "yes"}"#.write(toFile: dir + "/claude/managed-settings.d/70-bad.json", atomically: true, encoding: .utf8)
        let dirty = try FleetCheck(directory: dir, schemaDirectory: schemaDirectory).run()
        #expect(dirty.problems.count == 1)
        #expect(dirty.problems.first?.contains("70-bad.json (claude-code-settings.json): /allowManagedHooksOnly: expected boolean") == true)
    }
}
