import HookCore

/// Claude Code managed settings for a Gatehouse rollout: the template, its two
/// variants and a drop-in fragment. Pure values; the renderer writes them.
public struct ClaudeManagedSettings: Sendable {
    public var options: FleetOptions

    public init(options: FleetOptions) { self.options = options }

    public static let marketplaceName = "gatehouse"
    public static let pluginID = "gatehouse@gatehouse"
    public static let schemaURL = "https://json.schemastore.org/claude-code-settings.json"
    /// Built-in tools the plugin governs: pre-approved so people are not asked twice
    /// (the hook still denies what policy forbids; a hook deny beats an allow rule).
    public static let governedTools = ["Bash", "Edit", "Write", "MultiEdit", "NotebookEdit", "WebFetch"]
    /// A static backstop that holds even if the hook could not run.
    public static let denyBackstop = ["Read(./.env)", "Read(./.env.*)", "Read(./secrets/**)"]

    public enum Variant: String, Sendable, CaseIterable {
        /// As rendered: `--mode` decides.
        case template
        /// Log what would be blocked; people keep their own permission rules.
        case observe
        /// Enforce, and close the side doors (bypass mode, sideloading, other MCP servers).
        case strict
    }

    /// The marketplace source for a platform's release catalog (or the directory).
    public func marketplaceSource(platform: String) -> JSONValue {
        switch options.marketplace {
        case .directory(let path):
            return .object([("source", .string("directory")), ("path", .string(path))])
        case .release(let base):
            let catalog = ReleaseAssets.catalog(host: "claude", version: options.version, platform: platform)
            return .object([("source", .string("url")), ("url", .string("\(base)/\(options.ref)/\(catalog)"))])
        }
    }

    public func settings(_ variant: Variant, platform: String) -> JSONValue {
        let mode: FleetOptions.Mode = switch variant {
        case .template: options.mode
        case .observe: .observe
        case .strict: .enforce
        }
        let source = marketplaceSource(platform: platform)
        var deny = Self.denyBackstop
        if variant == .strict { deny += ["Read(~/.ssh/**)", "Read(~/.aws/**)", "Read(~/.config/gcloud/**)"] }
        var permissions: [(String, JSONValue?)] = [
            ("allow", .array(Self.governedTools.map(JSONValue.string))),
            ("deny", .array(deny.map(JSONValue.string))),
        ]
        if variant == .strict { permissions.append(("disableBypassPermissionsMode", .string("disable"))) }
        var pairs: [(String, JSONValue?)] = [
            ("$schema", .string(Self.schemaURL)),
            ("env", env(mode: mode)),
            ("extraKnownMarketplaces", .object([
                (Self.marketplaceName, .object([("source", source), ("autoUpdate", .bool(false))])),
            ])),
            ("enabledPlugins", .object([(Self.pluginID, .bool(true))])),
            ("strictKnownMarketplaces", .array([source])),
            ("permissions", .object(permissions)),
        ]
        // An observe rollout leaves people's own allow/ask/deny rules working.
        if variant != .observe { pairs.append(("allowManagedPermissionRulesOnly", .bool(true))) }
        pairs.append(("allowManagedHooksOnly", .bool(true)))
        if variant == .strict {
            pairs.append(("disableSideloadFlags", .bool(true)))
            pairs.append(("allowManagedMcpServersOnly", .bool(true)))
        }
        return .object(pairs)
    }

    func env(mode: FleetOptions.Mode) -> JSONValue {
        .object([
            ("GATEHOUSE_MODE", .string(mode.rawValue)),
            ("GATEHOUSE_ENDPOINT", .string(options.endpoint)),
            ("GATEHOUSE_AUTH", .string(options.credential ?? FleetOptions.credentialPlaceholder)),
            ("GATEHOUSE_TIMEOUT_SECONDS", .string("8")),
        ])
    }

    /// A drop-in for `managed-settings.d/`: a team's own MCP connectors, pre-approved
    /// (still governed by the hook). Arrays merge as a union with the main file.
    public var fragment: JSONValue {
        .object([
            ("$schema", .string(Self.schemaURL)),
            ("permissions", .object([
                ("allow", .array(["mcp__github", "mcp__postgres"].map(JSONValue.string))),
                ("deny", .array(["Read(./config/credentials/**)"].map(JSONValue.string))),
            ])),
        ])
    }
}
