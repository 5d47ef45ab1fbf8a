/// Generates the Cursor plugin root (`plugins/cursor/`) and the repository's
/// Cursor marketplace catalog. Only fields Cursor's published schema allows,
/// and only hook events Cursor knows (one unknown event invalidates the file).
public struct CursorPluginGenerator: Sendable {
    public static let pluginRoot = "plugins/cursor"
    public static let binaryName = "gatehouse-cursor"

    /// Every event the generated hooks file uses, with its matcher and whether a
    /// crash must deny (permission events) rather than pass.
    public static let registrations: [(event: CursorEvent, matcher: String?, failClosed: Bool)] = [
        (.beforeShellExecution, nil, true),
        (.beforeMCPExecution, nil, true),
        (.beforeReadFile, nil, true),
        // Shell, MCP and reads have their own events; preToolUse adds file writes before they land.
        (.preToolUse, "^(Write|Edit)$", true),
        (.afterFileEdit, nil, false),
        // postToolUse can speak to the agent (afterShellExecution cannot): used for output warnings.
        (.postToolUse, "^(Shell|Read|MCP:.*)$", false),
    ]

    public var skills: [SkillSource]
    public var icon: [UInt8]

    public init(skills: [SkillSource], icon: [UInt8]) {
        self.skills = skills
        self.icon = icon
    }

    public func files() -> [GeneratedFile] {
        let root = Self.pluginRoot
        var files = [
            GeneratedFile(path: root + "/.cursor-plugin/plugin.json", json: manifest),
            GeneratedFile(path: root + "/hooks/hooks.json", json: Self.hooks(command: Self.hookCommand)),
            GeneratedFile(path: root + "/.mcp.json", json: mcp),
            GeneratedFile(path: root + "/rules/gatehouse.mdc", text: rule),
        ]
        files += GeneratedFile.pluginDocuments(root: root, readme: readme, icon: icon)
        files += [
            GeneratedFile(path: ".cursor-plugin/marketplace.json", json: marketplace),
        ]
        files += GeneratedFile.pluginSkills(root: root, skills)
        return files
    }

    static let description =
        "Governs what Cursor's agent runs: blocks dangerous shell commands, MCP calls, credential reads and file "
        + "writes before they happen, audits and scans every edit, and warns about secrets in tool output."

    var manifest: JSONValue {
        .object([
            ("name", .string(Gatehouse.name)),
            ("displayName", .string(Gatehouse.displayName)),
            ("description", .string(Self.description)),
            ("version", .string(Gatehouse.version)),
            ("author", .object([("name", .string(Gatehouse.author))])),
            ("homepage", .string(Gatehouse.homepage)),
            ("repository", .string(Gatehouse.repository)),
            ("license", .string(Gatehouse.license)),
            ("logo", .string("assets/icon.png")),
            ("keywords", .array(["governance", "security", "audit", "pii", "secrets", "policy", "hooks"].map(JSONValue.string))),
            ("category", .string("security")),
            ("skills", .string("./skills/")),
            ("rules", .string("./rules/")),
            ("hooks", .string("./hooks/hooks.json")),
            ("mcpServers", .string("./.mcp.json")),
        ])
    }

    /// Cursor's flat `version: 1` hooks format.
    public static func hooks(command: (CursorEvent) -> String) -> JSONValue {
        var events: [(String, JSONValue?)] = []
        for registration in registrations {
            let handler = JSONValue.object([
                ("command", .string(command(registration.event))),
                ("matcher", registration.matcher.map(JSONValue.string)),
                ("timeout", .int(registration.event.hookEvent == .preToolUse ? 10 : 15)),
                ("failClosed", registration.failClosed ? .bool(true) : nil),
            ])
            events.append((registration.event.rawValue, .array([handler])))
        }
        return .object([("version", .int(1)), ("hooks", .object(events))])
    }

    /// A missing binary exits 2, which Cursor reads as a deny for permission events.
    public static func hookCommand(_ event: CursorEvent) -> String {
        hookCommand(event, binary: "${CURSOR_PLUGIN_ROOT}/bin/" + binaryName)
    }

    public static func hookCommand(_ event: CursorEvent, binary: String) -> String {
        "[ -x \"\(binary)\" ] && exec \"\(binary)\" hook \(event.rawValue); "
            + "echo \"Gatehouse: \(binary) is missing or not executable; run make in the Gatehouse checkout.\" >&2; exit 2"
    }

    var mcp: JSONValue {
        .object([
            ("mcpServers", .object([
                ("gatehouse", .object([
                    ("command", .string("${CURSOR_PLUGIN_ROOT}/bin/gatehouse")),
                    ("args", .array([.string("mcp")])),
                ])),
            ])),
        ])
    }

    var rule: String {
        """
        ---
        description: How to work with Gatehouse governance in this workspace (blocked calls, approvals, redacted output)
        globs:
        alwaysApply: true
        ---

        Gatehouse governs this agent. Its hooks decide shell commands, MCP calls, file reads and
        file writes before they run, and audit and scan every file edit. This rule is guidance;
        the hooks enforce whether or not it is followed.

        - When a call is denied with "Gatehouse blocked …", do not reach the same effect another
          way. Tell the user what you tried and quote the decision id (`gh_…`);
          `gatehouse audit show <id>` explains it.
        - Before a risky call that no hook covers, check it with the Gatehouse MCP tool
          `check_policy` or `gatehouse policy explain --command '…'`.
        - Cursor does not let hooks change tool output. When Gatehouse warns that output held
          personal data or secrets, do not repeat, store or send those values.

        """
    }

    var marketplace: JSONValue {
        .object([
            ("name", .string(Gatehouse.name)),
            ("owner", .object([("name", .string(Gatehouse.author))])),
            ("metadata", .object([("description", .string("Gatehouse governance plugins for AI coding agents."))])),
            ("plugins", .array([
                .object([
                    ("name", .string(Gatehouse.name)),
                    ("source", .string(Self.pluginRoot)),
                    ("description", .string(Self.description)),
                ]),
            ])),
        ])
    }

    var readme: String {
        """
        # Gatehouse for Cursor

        \(Self.description)

        Version \(Gatehouse.version). Generated by `\(Self.binaryName) generate`; do not edit by hand.

        ## What is enforced, what is advisory

        - **Enforced before the call**: `beforeShellExecution`, `beforeMCPExecution` (the
          arguments arrive as a JSON string and are decoded), `beforeReadFile` (allow or deny
          only: a rule that asks denies a read and says a person must approve), and `preToolUse`
          for `Write`/`Edit`. Every permission hook is `failClosed`.
        - **Audited and scanned after the call**: `afterFileEdit` checks the edit against policy
          and scans the added text; the verdict is recorded, but the edit is already on disk.
        - **Warned, not redacted**: Cursor does not let hooks replace tool output, so
          `postToolUse` adds a warning for the agent when output holds personal data or secrets.
        - The rule in `rules/` and the skills in `skills/` are guidance, not enforcement.

        ## Install

        Run `make` in the Gatehouse checkout (it places `bin/\(Self.binaryName)` and `bin/gatehouse` here),
        then add the checkout as a plugin marketplace in Cursor, or merge the hooks directly:

        ```
        bin/\(Self.binaryName) install --user            # ~/.cursor/hooks.json
        bin/\(Self.binaryName) install --project DIR     # DIR/.cursor/hooks.json
        ```

        """
    }
}
