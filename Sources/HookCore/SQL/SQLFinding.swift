/// A family of dangerous SQL: one built-in policy and one detector each.
public enum SQLFamily: String, Sendable, CaseIterable {
    // Injection: deny, critical.
    case union = "union"
    case stackedQuery = "stacked-query"
    case tautology = "tautology"
    case commentTruncation = "comment-truncation"
    case timeBased = "time-based"
    case errorBased = "error-based"
    case fileAccess = "file-access"
    case commandExecution = "command-execution"
    case encoding = "encoding"
    case schemaProbe = "schema-probe"
    case credentialDump = "credential-dump"
    case blindExtraction = "blind-extraction"
    case outOfBand = "out-of-band"
    case obfuscation = "obfuscation"
    // Destructive: ask, high.
    case drop = "drop"
    case truncate = "truncate"
    case deleteAll = "delete-without-where"
    case updateAll = "update-without-where"
    case alterDrop = "alter-drop"

    public var isDestructive: Bool {
        switch self {
        case .drop, .truncate, .deleteAll, .updateAll, .alterDrop: true
        default: false
        }
    }

    /// `sql.injection.union`, `sql.destructive.drop`.
    public var detectorID: String { (isDestructive ? "sql.destructive." : "sql.injection.") + rawValue }
}

/// One pattern that matched: its family and the pattern's own name, for the
/// reason text ("SQL injection: stacked query").
public struct SQLFinding: Sendable, Equatable {
    public var family: SQLFamily
    public var pattern: String
    public init(_ family: SQLFamily, _ pattern: String) {
        self.family = family
        self.pattern = pattern
    }
}

extension SQLFamily {
    /// The policy's reason: which kind of pattern matched, in the words shown
    /// to the model and the person.
    public var reason: String {
        switch self {
        case .union: "SQL injection: UNION-based extraction (UNION SELECT of constants, system values, credentials or catalogs)"
        case .stackedQuery: "SQL injection: stacked query (a writing statement smuggled after ';')"
        case .tautology: "SQL injection: always-true condition (OR 1=1, ' OR '1'='1)"
        case .commentTruncation: "SQL injection: comment truncation or unbalanced quote (admin'--)"
        case .timeBased: "SQL injection: time-based delay (SLEEP, pg_sleep, WAITFOR DELAY, BENCHMARK)"
        case .errorBased: "SQL injection: error-based extraction (EXTRACTVALUE, UPDATEXML, CONVERT/CAST of system values)"
        case .fileAccess: "SQL injection: server file access (INTO OUTFILE, LOAD_FILE, pg_read_file, LOAD DATA INFILE)"
        case .commandExecution: "SQL injection: operating-system command execution (xp_cmdshell, COPY … PROGRAM, load_extension)"
        case .encoding: "SQL injection: encoded literal hiding text (0x… hex, CHAR(), CHR()||CHR())"
        case .schemaProbe: "SQL injection: system catalog probing (information_schema, pg_catalog, sqlite_master inside a condition or UNION)"
        case .credentialDump: "SQL injection: read of password hashes (pg_shadow, pg_authid, mysql.user, sys.sql_logins)"
        case .blindExtraction: "SQL injection: blind character-by-character extraction (ASCII(SUBSTRING(…)))"
        case .outOfBand: "SQL injection: out-of-band network call (UTL_HTTP, UTL_INADDR, xp_dirtree)"
        case .obfuscation: "SQL injection: keyword obfuscation (/*! … */ executable comments, UNION/**/SELECT)"
        case .drop: "destructive SQL: DROP removes a table, schema or database"
        case .truncate: "destructive SQL: TRUNCATE empties a table"
        case .deleteAll: "destructive SQL: DELETE without a WHERE clause (or with an always-true one) removes every row"
        case .updateAll: "destructive SQL: UPDATE without a WHERE clause (or with an always-true one) changes every row"
        case .alterDrop: "destructive SQL: ALTER … DROP removes a column or constraint"
        }
    }

    public var policyID: String { "builtin.sql." + rawValue }
}
