/// Names the pattern checks look for. Upper case, as the tokenizer stores words.
enum SQLVocabulary {
    /// Functions and variables that reveal the server, the database or the
    /// user: what an attacker selects to learn where they are.
    static let systemInformation: Set<String> = [
        "VERSION", "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "DATABASE", "SCHEMA", "DB_NAME",
        "USER_NAME", "SUSER_NAME", "SUSER_SNAME", "HOST_NAME", "SQLITE_VERSION", "CURRENT_DATABASE",
        "CURRENT_SCHEMA", "INET_SERVER_ADDR", "GROUP_CONCAT", "STRING_AGG", "LOAD_FILE", "CONNECTION_ID",
        "@@VERSION", "@@HOSTNAME", "@@DATADIR", "@@BASEDIR", "@@SERVERNAME", "@@USER", "@@SECURE_FILE_PRIV",
    ]

    /// System catalogs that list tables and columns.
    static let catalogs: Set<String> = [
        "INFORMATION_SCHEMA", "PG_CATALOG", "PG_TABLES", "PG_CLASS", "PG_ATTRIBUTE", "PG_NAMESPACE", "PG_PROC",
        "SQLITE_MASTER", "SQLITE_SCHEMA", "SQLITE_TEMP_MASTER", "SYSOBJECTS", "SYSCOLUMNS", "SYSDATABASES",
        "ALL_TABLES", "ALL_TAB_COLUMNS", "USER_TABLES", "USER_TAB_COLUMNS", "MSYSOBJECTS",
    ]

    /// Tables holding password hashes.
    static let credentialTables: Set<String> = [
        "PG_SHADOW", "PG_AUTHID", "SYSLOGINS", "SQL_LOGINS", "DBA_USERS", "USER$", "SYSXLOGINS",
    ]

    /// Column names that say "credential"; checked by substring.
    static let credentialColumnParts = ["PASSW", "PASSWD", "PWD", "SECRET", "TOKEN", "API_KEY", "PASS_HASH"]

    static let clauseEnd: Set<String> = ["FROM", "UNION", "WHERE", "ORDER", "GROUP", "LIMIT", "INTO", "HAVING", "EXCEPT", "INTERSECT"]

    /// What may follow a complete condition (after `OR 1`).
    static let conditionEnd: Set<String> = ["AND", "OR", "ORDER", "GROUP", "LIMIT", "UNION", "HAVING", "THEN", "ELSE", "END", "OFFSET"]

    /// Statements that change data or schema, or run code: what a stacked query smuggles.
    static let writingVerbs: Set<String> = [
        "DROP", "DELETE", "UPDATE", "INSERT", "ALTER", "TRUNCATE", "EXEC", "EXECUTE", "CREATE", "GRANT", "REVOKE",
        "SHUTDOWN", "DECLARE", "COPY", "LOAD", "REPLACE", "RENAME", "CALL", "MERGE", "ATTACH", "SET",
    ]

    static let readingVerbs: Set<String> = ["SELECT", "WITH", "SHOW", "VALUES", "DESCRIBE", "DESC", "EXPLAIN", "TABLE"]
}
