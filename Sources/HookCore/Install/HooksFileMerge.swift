/// Merges Gatehouse's hook entries into a user's hooks file and takes them
/// out again. An entry is Gatehouse's when its command names `marker` (the
/// hook binary's name), so re-running install replaces rather than duplicates.
public enum HooksFileMerge {
    /// Claude/Codex shape: `{"hooks": {"<Event>": [{"matcher", "hooks": [handler]}]}}`.
    public static func mergeGrouped(existing: JSONValue?, ours: JSONValue, marker: String) -> JSONValue {
        merge(existing: existing, ours: ours) { entry in
            (entry["hooks"]?.arrayValue ?? []).contains { isOurs($0, marker: marker) }
        }
    }

    /// Cursor shape: `{"version": 1, "hooks": {"<event>": [handler]}}`.
    public static func mergeFlat(existing: JSONValue?, ours: JSONValue, marker: String) -> JSONValue {
        merge(existing: existing, ours: ours) { isOurs($0, marker: marker) }
    }

    public static func removeGrouped(from existing: JSONValue, marker: String) -> JSONValue {
        merge(existing: existing, ours: .object([])) { entry in
            (entry["hooks"]?.arrayValue ?? []).contains { isOurs($0, marker: marker) }
        }
    }

    public static func removeFlat(from existing: JSONValue, marker: String) -> JSONValue {
        merge(existing: existing, ours: .object([])) { isOurs($0, marker: marker) }
    }

    static func isOurs(_ handler: JSONValue, marker: String) -> Bool {
        handler["command"]?.stringValue?.firstRange(of: marker) != nil
    }

    /// Keeps every top-level key and every foreign entry; drops ours; appends `ours`' entries.
    static func merge(existing: JSONValue?, ours: JSONValue, isOurs: (JSONValue) -> Bool) -> JSONValue {
        let base = existing?.objectMembers ?? []
        let ourTop = ours.objectMembers ?? []
        var events: [(String, JSONValue?)] = []
        var seen: [String] = []
        for (event, entries) in existing?["hooks"]?.objectMembers ?? [] {
            var kept = (entries.arrayValue ?? []).filter { !isOurs($0) }
            kept += ours["hooks"]?[event]?.arrayValue ?? []
            seen.append(event)
            if !kept.isEmpty { events.append((event, .array(kept))) }
        }
        for (event, entries) in ours["hooks"]?.objectMembers ?? [] where !seen.contains(event) {
            events.append((event, entries))
        }
        var top: [(String, JSONValue?)] = []
        for (key, value) in base where key != "hooks" { top.append((key, value)) }
        for (key, value) in ourTop where key != "hooks" && !base.contains(where: { $0.key == key }) { top.append((key, value)) }
        top.append(("hooks", .object(events)))
        return .object(top)
    }
}
