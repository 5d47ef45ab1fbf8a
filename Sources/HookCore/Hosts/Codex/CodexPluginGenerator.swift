/// Generates the Codex plugin root (`plugins/codex/`) and the repository's
/// Codex marketplace catalog (`.agents/plugins/marketplace.json`). Pure.
public struct CodexPluginGenerator: Sendable {
    public static let pluginRoot = "plugins/codex"
    public static let binaryName = "gatehouse-codex"
    /// Codex reports every shell call as `Bash` and every file edit as `apply_patch`.
    public static let governedTools = "^(Bash|apply_patch|mcp__.*)$"
    public static let mcpServerName = "gatehouse"
    /// The variable whose value Codex sends verbatim as the Authorization header.
    public static let remoteAuthorizationVariable = "GATEHOUSE_MCP_AUTHORIZATION"

    public var skills: [SkillSource]
    public var icon: [UInt8]

    public init(skills: [SkillSource], icon: [UInt8]) {
        self.skills = skills
        self.icon = icon
    }

    public func files() -> [GeneratedFile] {
        let root = Self.pluginRoot
        var files = [
            GeneratedFile(path: root + "/.codex-plugin/plugin.json", json: manifest),
            GeneratedFile(path: root + "/hooks/hooks.json", json: hooks(command: Self.hookCommand)),
            GeneratedFile(path: root + "/.mcp.json", json: mcp),
            GeneratedFile(path: root + "/config/mcp-local.toml", text: Self.localMCPBlock(command: "/path/to/gatehouse/plugins/codex/bin/gatehouse")),
            GeneratedFile(path: root + "/config/mcp-remote.toml", text: Self.remoteMCPBlock(url: "https://governance.example.com/api/v1/mcp-server")),
        ]
        files += GeneratedFile.pluginDocuments(root: root, readme: readme, icon: icon)
        files += [
            GeneratedFile(path: ".agents/plugins/marketplace.json", json: marketplace),
        ]
        files += GeneratedFile.pluginSkills(root: root, skills)
        return files
    }

    static let description =
        "Governs what Codex runs: blocks dangerous shell commands, credential access and risky patches before they "
        + "run, redacts personal data and secrets from tool output, and audits every decision."

    var manifest: JSONValue {
        .object([
            ("name", .string(Gatehouse.name)),
            ("version", .string(Gatehouse.version)),
            ("description", .string(Self.description)),
            ("author", .object([("name", .string(Gatehouse.author)), ("url", .string(Gatehouse.homepage))])),
            ("homepage", .string(Gatehouse.homepage)),
            ("repository", .string(Gatehouse.repository)),
            ("license", .string(Gatehouse.license)),
            ("keywords", .array(["governance", "security", "audit", "pii", "secrets", "policy", "hooks"].map(JSONValue.string))),
            ("skills", .string("./skills/")),
            // hooks/hooks.json is the default path and is not named: a manifest
            // `hooks` value would replace the default (and older schemas reject it).
            ("mcpServers", .string("./.mcp.json")),
            ("interface", .object([
                ("displayName", .string(Gatehouse.displayName)),
                ("shortDescription", .string("Policy gates, redaction and an audit trail for every tool call")),
                ("longDescription", .string(Self.description)),
                ("developerName", .string(Gatehouse.author)),
                ("category", .string("Security")),
                ("capabilities", .array(["Interactive", "Write"].map(JSONValue.string))),
                ("defaultPrompt", .array([.string("Check this command against Gatehouse policy before running it")])),
                ("websiteURL", .string(Gatehouse.homepage)),
                ("logo", .string("./assets/icon.png")),
            ])),
        ])
    }

    /// The hooks file: command handlers only (an `http` handler makes Codex drop
    /// the whole file) and no `args` (Codex ignores them).
    public func hooks(command: (HookEvent) -> String) -> JSONValue {
        func group(_ event: HookEvent, timeout: Int, status: String) -> JSONValue {
            .array([
                .object([
                    ("matcher", .string(Self.governedTools)),
                    ("hooks", .array([
                        .object([
                            ("type", .string("command")),
                            ("command", .string(command(event))),
                            ("timeout", .int(timeout)),
                            ("statusMessage", .string(status)),
                        ]),
                    ])),
                ]),
            ])
        }
        return .object([
            ("hooks", .object([
                ("PreToolUse", group(.preToolUse, timeout: 10, status: "Gatehouse: checking policy")),
                ("PostToolUse", group(.postToolUse, timeout: 15, status: "Gatehouse: scanning output")),
            ])),
        ])
    }

    /// Same fail-closed wrapper as the Claude hook: a missing binary blocks (exit 2).
    public static func hookCommand(_ event: HookEvent) -> String {
        hookCommand(event, binary: "${PLUGIN_ROOT}/bin/" + binaryName)
    }

    public static func hookCommand(_ event: HookEvent, binary: String) -> String {
        let consequence = event == .preToolUse ? "The tool call was blocked." : "The tool output was not scanned."
        return "[ -x \"\(binary)\" ] && exec \"\(binary)\" hook \(event.rawValue); "
            + "echo \"Gatehouse: \(binary) is missing or not executable; run make in the Gatehouse checkout. "
            + "\(consequence)\" >&2; exit 2"
    }

    /// Codex key names; `cwd` is resolved against the plugin root (placeholders are not expanded here).
    var mcp: JSONValue {
        .object([
            ("mcp_servers", .object([
                (Self.mcpServerName, .object([
                    ("command", .string("./bin/gatehouse")),
                    ("args", .array([.string("mcp")])),
                    ("cwd", .string(".")),
                ])),
            ])),
        ])
    }

    /// The local (stdio) block for `~/.codex/config.toml`: stdio keys only.
    public static func localMCPBlock(command: String) -> String {
        """
        # Gatehouse MCP server, local mode: a stdio server started by Codex.
        # Tools: check_policy, scan_text, audit_search, list_policies, governance_status.
        [mcp_servers.\(mcpServerName)]
        command = \(TOMLText.quoted(command))
        args = ["mcp"]

        """
    }

    /// The remote (streamable HTTP) block: http keys only. Codex refuses to start
    /// when a stdio key such as `args` appears next to `url`.
    public static func remoteMCPBlock(url: String) -> String {
        """
        # Gatehouse MCP server, remote mode: a governance agent over streamable HTTP.
        # Codex sends the variable's value verbatim, so it must include the scheme:
        #   export \(remoteAuthorizationVariable)="Basic $(printf '%s' 'client-id:secret' | base64)"
        # Never add command/args/env here: stdio keys on an http server stop Codex from starting.
        [mcp_servers.\(mcpServerName)]
        url = \(TOMLText.quoted(url))
        env_http_headers = { "Authorization" = \(TOMLText.quoted(remoteAuthorizationVariable)) }

        """
    }

    var marketplace: JSONValue {
        .object([
            ("name", .string(Gatehouse.name)),
            ("interface", .object([("displayName", .string(Gatehouse.displayName))])),
            ("plugins", .array([
                .object([
                    ("name", .string(Gatehouse.name)),
                    ("source", .object([("source", .string("local")), ("path", .string("./" + Self.pluginRoot))])),
                    ("policy", .object([
                        ("installation", .string("INSTALLED_BY_DEFAULT")), ("authentication", .string("ON_INSTALL")),
                    ])),
                    ("category", .string("Security")),
                ]),
            ])),
        ])
    }

    var readme: String {
        """
        # Gatehouse for Codex

        \(Self.description)

        Version \(Gatehouse.version). Generated by `\(Self.binaryName) generate`; do not edit by hand.

        ## What is enforced, what is advisory

        - **Enforced** by the `PreToolUse` hook: shell calls (`Bash`, which covers `exec_command`),
          file edits (`apply_patch`: every file path and every added line is checked like a write)
          and MCP tools (`mcp__<server>__<tool>`). A block exits 2 with the reason and decision id.
          Codex cannot ask a person from a hook, so a rule that asks is enforced as a block that
          says a person must approve.
        - **Enforced** by the `PostToolUse` hook: personal data and secrets in the output are
          replaced by `[REDACTED:<type>]` before the model sees it.
        - **Not intercepted by Codex hooks**: web search and other built-in tools. The skills in
          `skills/` ask the agent to check those with Gatehouse; that is guidance, not enforcement.
        - Codex skips hooks that were never trusted. `\(Self.binaryName) install --trust` records
          trust the way Codex's `/hooks` screen does.

        ## Install

        Run `make` in the Gatehouse checkout (it places `bin/\(Self.binaryName)` and `bin/gatehouse` here), then

        ```
        codex plugin marketplace add /path/to/gatehouse
        ```

        and enable the plugin in Codex, or write the hooks and MCP block directly:

        ```
        bin/\(Self.binaryName) install --trust
        ```

        `config/mcp-local.toml` and `config/mcp-remote.toml` are the two MCP server forms for
        `~/.codex/config.toml`; use one of them, never a mix of their keys.

        """
    }
}
