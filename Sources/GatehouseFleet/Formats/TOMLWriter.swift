import HookCore

/// Just enough TOML for Codex requirements files: basic strings, booleans,
/// integers, and arrays of tables written from a hooks object.
public enum TOML {
    /// Basic-string quoting, shared with the Codex config snippets.
    public static func string(_ s: String) -> String { TOMLText.quoted(s) }

    public static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return string(s)
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .array(let items):
            let rendered = items.compactMap(scalar)
            return rendered.count == items.count ? "[" + rendered.joined(separator: ", ") + "]" : nil
        default: return nil
        }
    }

    /// `{"PreToolUse":[{"matcher":..,"hooks":[{..}]}]}` under `prefix` (e.g. "hooks")
    /// as `[[hooks.PreToolUse]]` / `[[hooks.PreToolUse.hooks]]` tables.
    public static func hookTables(_ events: JSONValue, prefix: String) -> String {
        var out = ""
        for event in events.objectMembers ?? [] {
            for group in event.value.arrayValue ?? [] {
                out += "\n[[\(prefix).\(event.key)]]\n"
                for member in group.objectMembers ?? [] where member.key != "hooks" {
                    if let v = scalar(member.value) { out += "\(member.key) = \(v)\n" }
                }
                for handler in group["hooks"]?.arrayValue ?? [] {
                    out += "\n[[\(prefix).\(event.key).hooks]]\n"
                    for member in handler.objectMembers ?? [] {
                        if let v = scalar(member.value) { out += "\(member.key) = \(v)\n" }
                    }
                }
            }
        }
        return out
    }
}
