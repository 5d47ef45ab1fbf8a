/// Where SQL sits in an MCP tool call.
///
/// A string is read as SQL when it is the value (at any depth, or an element
/// of an array value) of a key named `sql`, `query`, `statement`, `command`…,
/// and either the tool's name suggests a database (`mcp__postgres__query`,
/// `mcp__db__execute`, `mcp__my-sqlite__run`) or the key is literally `sql`.
/// Keys like `query` are too common elsewhere (search tools) to be read as
/// SQL on a tool that says nothing about databases.
public enum SQLToolInput {
    static let sqlKeys: Set<String> = [
        "sql", "query", "queries", "statement", "statements", "stmt", "command", "commands", "script", "q",
        "sql_query", "sqlquery", "raw_sql", "rawsql", "sql_statement",
    ]
    static let alwaysSQLKeys: Set<String> = ["sql", "sql_query", "sqlquery", "raw_sql", "rawsql", "sql_statement"]

    /// Matched anywhere in the lower-cased tool name.
    static let nameParts = [
        "postgres", "mysql", "maria", "sqlite", "sql", "database", "oracle", "snowflake", "bigquery", "clickhouse",
        "duckdb", "redshift", "supabase", "cockroach", "planetscale", "turso", "libsql", "timescale",
    ]
    /// Matched as a whole name segment (between `_`, `-`, `.`): `db` in
    /// `mcp__db__query` but not in `mongodb`.
    static let nameSegments: Set<String> = ["pg", "db", "d1", "neon", "rds", "dbs"]

    static let maxDepth = 32

    public static func isDatabaseTool(_ name: String) -> Bool {
        let lower = name.lowercased()
        if nameParts.contains(where: lower.contains) { return true }
        return lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { nameSegments.contains(String($0)) }
    }

    /// Every SQL text in `input`.
    public static func sqlTexts(toolName: String, input: JSONValue) -> [String] {
        var found: [String] = []
        collect(input, database: isDatabaseTool(toolName), depth: 0, into: &found)
        return found
    }

    static func collect(_ value: JSONValue, database: Bool, depth: Int, into found: inout [String]) {
        guard depth < maxDepth else { return }
        switch value {
        case let .object(members):
            for member in members {
                let key = member.key.lowercased()
                let isSQLKey = alwaysSQLKeys.contains(key) || (database && sqlKeys.contains(key))
                if isSQLKey { strings(member.value, into: &found) }
                collect(member.value, database: database, depth: depth + 1, into: &found)
            }
        case let .array(items):
            for item in items { collect(item, database: database, depth: depth + 1, into: &found) }
        default:
            break
        }
    }

    static func strings(_ value: JSONValue, into found: inout [String]) {
        switch value {
        case let .string(text): found.append(text)
        case let .array(items): for case let .string(text) in items { found.append(text) }
        default: break
        }
    }
}
