import HookCore

/// Everything `gatehouse fleet render` writes, as pure values, plus the schema
/// each JSON file must satisfy.
public struct FleetRenderer: Sendable {
    public var options: FleetOptions
    public init(options: FleetOptions) { self.options = options }

    /// A rendered JSON file and the vendored schema (file name) that checks it.
    public struct JSONArtifact: Sendable {
        public var path: String
        public var value: JSONValue
        public var schema: String
    }

    public static let claudeSettingsSchema = "claude-code-settings.json"
    public static let codexHooksSchema = "codex-hooks.json"
    public static let cursorHooksSchema = "cursor-hooks.schema.json"

    public var jsonArtifacts: [JSONArtifact] {
        let claude = ClaudeManagedSettings(options: options)
        let hooks = ManagedHooks(options: options)
        return [
            JSONArtifact(path: "claude/managed-settings.json", value: claude.settings(.template, platform: options.platform), schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "claude/variants/observe/managed-settings.json", value: claude.settings(.observe, platform: options.platform), schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "claude/variants/strict/managed-settings.json", value: claude.settings(.strict, platform: options.platform), schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "claude/managed-settings.d/60-team-connectors.json", value: claude.fragment, schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "cursor/hooks.json", value: hooks.cursorHooks, schema: Self.cursorHooksSchema),
        ]
    }

    /// JSON that is written inside another format (plist, registry, TOML) but is
    /// checked against its schema all the same.
    public var embeddedJSON: [JSONArtifact] {
        let claude = ClaudeManagedSettings(options: options)
        return [
            JSONArtifact(path: "macos/com.anthropic.claudecode.plist", value: macSettings(claude), schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "windows/ClaudeCode-managed-settings.reg", value: claude.settings(.template, platform: options.platform), schema: Self.claudeSettingsSchema),
            JSONArtifact(path: "codex/requirements.toml", value: .object([("hooks", ManagedHooks(options: options).codexHooks)]), schema: Self.codexHooksSchema),
        ]
    }

    func macSettings(_ claude: ClaudeManagedSettings) -> JSONValue {
        // The preference domain carries settings keys only; "$schema" is a file-format hint.
        guard case .object(let members) = claude.settings(.template, platform: options.macPlatform) else { return .null }
        return .object(members.filter { $0.key != "$schema" })
    }

    public func files() -> [GeneratedFile] {
        let claude = ClaudeManagedSettings(options: options)
        var files = jsonArtifacts.map { artifact in
            GeneratedFile(path: artifact.path, json: artifact.value)
        }
        let mac = macSettings(claude)
        let windowsJSON = claude.settings(.template, platform: options.platform).jsonText
        files += [
            GeneratedFile(path: "macos/com.anthropic.claudecode.plist", text: PropertyList.document(mac)),
            GeneratedFile(path: "macos/Gatehouse-ClaudeCode.mobileconfig", text: MDMPayloads.mobileconfig(settings: mac, ref: options.ref)),
            GeneratedFile(path: "windows/ClaudeCode-managed-settings.reg", text: MDMPayloads.registryFile(json: windowsJSON)),
            GeneratedFile(path: "windows/Set-GatehouseClaudeCodePolicy.ps1", text: MDMPayloads.powerShell(json: windowsJSON, ref: options.ref)),
            GeneratedFile(path: "codex/requirements.toml", text: ManagedHooks(options: options).codexRequirements),
        ]
        return files.sorted { $0.path < $1.path }
    }

    /// Validates every JSON artifact (and the JSON inside the other formats)
    /// against the schemas in `schemaDirectory`. Returns one line per problem.
    public func validate(schemaDirectory: String) throws -> [String] {
        var schemas: [String: JSONSchema] = [:]
        var problems: [String] = []
        for artifact in jsonArtifacts + embeddedJSON {
            if schemas[artifact.schema] == nil {
                schemas[artifact.schema] = try JSONSchema.load(path: schemaDirectory + "/" + artifact.schema)
            }
            for violation in schemas[artifact.schema]!.validate(artifact.value) {
                problems.append("\(artifact.path) (\(artifact.schema)): \(violation)")
            }
        }
        return problems
    }
}

/// Delivery wrappers around the settings JSON: macOS profile, Windows registry.
public enum MDMPayloads {
    public static let profileIdentifier = "dev.gatehouse.claudecode.managed-settings"

    /// A configuration profile whose custom-settings payload writes the
    /// `com.anthropic.claudecode` preference domain (forced, system scope).
    public static func mobileconfig(settings: JSONValue, ref: String) -> String {
        let payloadID = profileIdentifier + ".preferences"
        let inner: JSONValue = .object([
            ("PayloadType", .string("com.apple.ManagedClient.preferences")),
            ("PayloadVersion", .int(1)),
            ("PayloadIdentifier", .string(payloadID)),
            ("PayloadUUID", .string(stableUUID(payloadID))),
            ("PayloadDisplayName", .string("Claude Code managed settings (Gatehouse)")),
            ("PayloadEnabled", .bool(true)),
            ("PayloadContent", .object([
                ("com.anthropic.claudecode", .object([
                    ("Forced", .array([.object([("mcx_preference_settings", settings)])])),
                ])),
            ])),
        ])
        let profile: JSONValue = .object([
            ("PayloadType", .string("Configuration")),
            ("PayloadVersion", .int(1)),
            ("PayloadScope", .string("System")),
            ("PayloadIdentifier", .string(profileIdentifier)),
            ("PayloadUUID", .string(stableUUID(profileIdentifier))),
            ("PayloadDisplayName", .string("Gatehouse for Claude Code")),
            ("PayloadDescription", .string("Force-enables the Gatehouse plugin \(ref) in Claude Code and locks its managed settings.")),
            ("PayloadOrganization", .string("Gatehouse")),
            ("PayloadRemovalDisallowed", .bool(true)),
            ("PayloadContent", .array([inner])),
        ])
        return PropertyList.document(profile)
    }

    /// A .reg file setting HKLM\SOFTWARE\Policies\ClaudeCode\Settings (REG_SZ) to the
    /// one-line JSON. CRLF line ends, as regedit writes them.
    public static func registryFile(json: String) -> String {
        let escaped = json.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return [
            "Windows Registry Editor Version 5.00",
            "",
            "; Gatehouse: Claude Code managed settings for every user of this machine.",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\ClaudeCode]",
            "\"Settings\"=\"\(escaped)\"",
            "",
        ].joined(separator: "\r\n")
    }

    /// The same value written by a script (Intune, GPO startup script).
    public static func powerShell(json: String, ref: String) -> String {
        let quoted = json.replacingOccurrences(of: "'", with: "''")
        return [
            "# Gatehouse \(ref): writes Claude Code managed settings into the machine policy key.",
            "# Run as an administrator (Intune platform script, GPO startup script).",
            "#Requires -RunAsAdministrator",
            "$ErrorActionPreference = 'Stop'",
            "$key = 'HKLM:\\SOFTWARE\\Policies\\ClaudeCode'",
            "$settings = '\(quoted)'",
            "$null = $settings | ConvertFrom-Json  # refuse to write a value Claude Code could not parse",
            "New-Item -Path $key -Force | Out-Null",
            "New-ItemProperty -Path $key -Name 'Settings' -PropertyType String -Value $settings -Force | Out-Null",
            "Write-Output \"Gatehouse: wrote $key\\Settings\"",
            "",
        ].joined(separator: "\r\n")
    }
}
