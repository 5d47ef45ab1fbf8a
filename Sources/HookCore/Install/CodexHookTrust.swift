/// Codex runs a user or plugin hook only after a person trusted it: the hook's
/// key and hash go into config.toml as `[hooks.state."<key>"] trusted_hash`.
/// The key and hash come from Codex itself (`codex app-server`, `hooks/list`),
/// so Gatehouse records exactly what Codex's own /hooks screen would.
public struct CodexHookTrust: Sendable, Equatable {
    public var key: String
    public var hash: String
    public var trusted: Bool

    public init(key: String, hash: String, trusted: Bool) {
        self.key = key
        self.hash = hash
        self.trusted = trusted
    }

    /// The JSON-RPC requests that ask Codex for its hook list.
    public static func requests(cwd: String) -> String {
        let initialize = JSONValue.object([
            ("jsonrpc", .string("2.0")), ("id", .int(1)), ("method", .string("initialize")),
            ("params", .object([("clientInfo", .object([("name", .string(Gatehouse.name)), ("version", .string(Gatehouse.version))]))])),
        ])
        let initialized = JSONValue.object([("jsonrpc", .string("2.0")), ("method", .string("initialized"))])
        let list = JSONValue.object([
            ("jsonrpc", .string("2.0")), ("id", .int(2)), ("method", .string("hooks/list")),
            ("params", .object([("cwds", .array([.string(cwd)]))])),
        ])
        return [initialize, initialized, list].map(\.jsonText).joined(separator: "\n") + "\n"
    }

    /// Gatehouse's hooks in a `hooks/list` answer (one JSON message per line):
    /// those whose command names `marker`.
    public static func parse(listOutput: String, marker: String) -> [CodexHookTrust] {
        var found: [CodexHookTrust] = []
        for line in listOutput.split(separator: "\n") {
            guard let message = try? JSONParser.parse(String(line)), message["id"] == .int(2) else { continue }
            for entry in message["result"]?["data"]?.arrayValue ?? [] {
                for hook in entry["hooks"]?.arrayValue ?? [] {
                    guard let command = hook["command"]?.stringValue, command.firstRange(of: marker) != nil,
                        let key = hook["key"]?.stringValue, let hash = hook["currentHash"]?.stringValue
                    else { continue }
                    let status = hook["trustStatus"]?.stringValue ?? ""
                    let trust = CodexHookTrust(key: key, hash: hash, trusted: status == "trusted" || status == "managed")
                    if !found.contains(trust) { found.append(trust) }
                }
            }
        }
        return found
    }

    /// The config.toml tables that record trust for these hooks.
    public static func tomlTables(_ hooks: [CodexHookTrust]) -> String {
        hooks.map { "[hooks.state.\(TOMLText.quoted($0.key))]\ntrusted_hash = \(TOMLText.quoted($0.hash))\n" }
            .joined(separator: "\n")
    }
}
