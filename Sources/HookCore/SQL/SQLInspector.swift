/// Finds injection patterns and destructive statements in SQL, over tokens:
/// `union` inside a string literal or `drop_date` as a column is never a
/// keyword, so neither is a finding.
public enum SQLInspector {
    public static func inspect(_ sql: String) -> [SQLFinding] {
        inspect(SQLTokenizer.tokenize(sql))
    }

    public static func inspect(_ tokens: SQLTokens) -> [SQLFinding] {
        var findings: [SQLFinding] = []
        func add(_ family: SQLFamily, _ pattern: String) {
            let finding = SQLFinding(family, pattern)
            if !findings.contains(finding) { findings.append(finding) }
        }
        let statements = tokens.statements.map(SQLStatement.init)
        for statement in statements {
            union(statement, add)
            tautology(statement, add)
            timeBased(statement, add)
            errorBased(statement, add)
            fileAccess(statement, add)
            commandExecution(statement, add)
            encoding(statement, add)
            catalogs(statement, add)
            blindExtraction(statement, add)
            outOfBand(statement, add)
            destructive(statement, add)
        }
        stacked(statements, tokens, add)
        comments(tokens, add)
        return findings
    }

    typealias Add = (SQLFamily, String) -> Void

    // MARK: UNION-based

    static func union(_ s: SQLStatement, _ add: Add) {
        for k in 0..<s.count where s[k]!.isWord("UNION") {
            var j = k + 1
            if s.isWord(j, "ALL") || s.isWord(j, "DISTINCT") { j += 1 }
            while s.isOp(j, "(") { j += 1 }
            guard s.isWord(j, "SELECT") else { continue }
            let projection = s.clause(from: j + 1, stopWords: SQLVocabulary.clauseEnd)
            var items: [[SQLToken]] = [[]]
            var system = false, credential = false
            for m in projection {
                let token = s.t[m]
                if token.isOp(",") && s.depth[m] == s.depth[j] { items.append([]); continue }
                items[items.count - 1].append(token)
                if token.kind == .word {
                    if SQLVocabulary.systemInformation.contains(token.text) || token.text.hasPrefix("@@") { system = true }
                    if SQLVocabulary.credentialColumnParts.contains(where: { token.text.contains($0) }) { credential = true }
                }
            }
            if system { add(.union, "UNION SELECT of server, database or user information") }
            if credential { add(.union, "UNION SELECT of credential columns") }
            let literalItems = items.filter { $0.count == 1 && $0[0].isLiteral }
            if !items[0].isEmpty && literalItems.count == items.count
                && (items.contains { $0[0].isWord("NULL") } || items.count >= 3)
            {
                add(.union, "UNION SELECT of constant columns (column-count probing)")
            }
            let after = projection.upperBound
            if s.isWord(after, "FROM"), let target = s.word(after + 1),
                SQLVocabulary.catalogs.contains(target) || SQLVocabulary.credentialTables.contains(target)
            {
                add(.union, "UNION SELECT from the system catalog")
            }
        }
    }

    // MARK: Stacked queries

    static func stacked(_ statements: [SQLStatement], _ tokens: SQLTokens, _ add: Add) {
        guard statements.count >= 2 else { return }
        if let first = statements[0].verb, SQLVocabulary.readingVerbs.contains(first),
            statements.dropFirst().contains(where: { $0.verb.map(SQLVocabulary.writingVerbs.contains) ?? false })
        {
            add(.stackedQuery, "a writing statement stacked after a query")
        }
        // `…; DROP TABLE users;--`: the tail commented out after a smuggled statement.
        if let lastCode = tokens.all.lastIndex(where: { !$0.isComment }), tokens.all[lastCode].kind == .semicolon,
            tokens.all[(lastCode + 1)...].contains(where: { $0.kind == .lineComment })
        {
            add(.stackedQuery, "stacked statement followed by a comment truncating the rest")
        }
    }

    // MARK: Tautologies

    static func tautology(_ s: SQLStatement, _ add: Add) {
        for k in 0..<s.count where s[k]!.isWord("OR") {
            var j = k + 1
            var negated = false
            while s.isWord(j, "NOT") { negated.toggle(); j += 1 }
            while s.isOp(j, "(") { j += 1 }
            guard let left = s[j] else { continue }
            if let op = s[j + 1], op.kind == .op || op.isWord("LIKE") || op.isWord("IS"), let right = s[j + 2] {
                if left.isLiteral, right.isLiteral, let truth = constantComparison(left, op.text, right), truth != negated {
                    add(.tautology, left.kind == .string || right.kind == .string ? "always-true string comparison (' OR 'a'='a')" : "always-true comparison (OR 1=1)")
                    continue
                }
                if left.kind == .word, right.kind == .word, op.isOp("="), left.text == right.text,
                    !SQLVocabulary.conditionEnd.contains(left.text), left.text != "NULL", !negated
                {
                    add(.tautology, "column compared with itself (OR x=x)")
                    continue
                }
            }
            let next = s[j + 1]
            let ends = next == nil || next!.isOp(")") || (next!.kind == .word && SQLVocabulary.conditionEnd.contains(next!.text))
            if ends, isTrue(left) != negated, left.isLiteral, !left.isWord("NULL") {
                add(.tautology, "always-true operand (OR TRUE)")
            }
        }
    }

    static func isTrue(_ token: SQLToken) -> Bool {
        switch token.kind {
        case .number: return (Double(token.text) ?? 0) != 0
        case .word: return token.text == "TRUE"
        default: return false
        }
    }

    /// The value of `left op right` for two constants, or nil when unknown.
    static func constantComparison(_ left: SQLToken, _ op: String, _ right: SQLToken) -> Bool? {
        let a = left.text, b = right.text
        let numbers = (Double(a), Double(b))
        let ordered: Int
        if let x = numbers.0, let y = numbers.1 { ordered = x < y ? -1 : (x > y ? 1 : 0) }
        else { ordered = a < b ? -1 : (a > b ? 1 : 0) }
        switch op {
        case "=", "==", "<=>": return ordered == 0
        case "LIKE": return ordered == 0 || b == "%"
        case "<>", "!=": return ordered != 0
        case "<": return ordered < 0
        case ">": return ordered > 0
        case "<=", "!>": return ordered <= 0
        case ">=", "!<": return ordered >= 0
        default: return nil
        }
    }

    // MARK: Comments

    static func comments(_ tokens: SQLTokens, _ add: Add) {
        let all = tokens.all
        for (k, token) in all.enumerated() {
            if token.unterminated && token.kind == .string { add(.commentTruncation, "unbalanced quote") }
            guard token.isComment else { continue }
            let previous = k > 0 ? all[k - 1] : nil
            if let previous, previous.kind == .string, previous.end == token.start,
                token.kind == .lineComment || token.unterminated
            {
                add(.commentTruncation, "quote closed and the rest commented out (admin'--)")
            }
            if token.kind == .lineComment, token.text.utf8.contains(UInt8(ascii: "'")), token.text.utf8.contains(UInt8(ascii: "=")) {
                add(.commentTruncation, "comment hiding a quoted condition")
            }
            if token.kind == .blockComment, token.text.allSatisfy({ $0 == " " }), let previous, k + 1 < all.count,
                previous.kind == .word, all[k + 1].kind == .word
            {
                add(.obfuscation, "inline comment used as whitespace between keywords (UNION/**/SELECT)")
            }
        }
        if tokens.executableComments > 0 { add(.obfuscation, "MySQL executable comment (/*! … */)") }
    }

    // MARK: Time-based

    static let sleepFunctions: Set<String> = ["SLEEP", "PG_SLEEP", "PG_SLEEP_FOR", "PG_SLEEP_UNTIL"]

    static func timeBased(_ s: SQLStatement, _ add: Add) {
        if !s.calls(sleepFunctions).isEmpty { add(.timeBased, "SLEEP / pg_sleep delay") }
        if !s.calls(["BENCHMARK"]).isEmpty { add(.timeBased, "BENCHMARK() delay") }
        if !s.calls(["RECEIVE_MESSAGE"]).isEmpty { add(.timeBased, "DBMS_PIPE.RECEIVE_MESSAGE delay") }
        for k in 0..<s.count where s[k]!.isWord("WAITFOR") && (s.isWord(k + 1, "DELAY") || s.isWord(k + 1, "TIME")) {
            add(.timeBased, "WAITFOR DELAY")
        }
        for k in s.calls(["RANDOMBLOB", "ZEROBLOB"]) {
            if let n = s.arguments(ofCallAt: k).first, n.count == 1, n[0].kind == .number, (Double(n[0].text) ?? 0) >= 1_000_000 {
                add(.timeBased, "heavy RANDOMBLOB query")
            }
        }
    }

    // MARK: Error-based

    static func errorBased(_ s: SQLStatement, _ add: Add) {
        if !s.calls(["EXTRACTVALUE"]).isEmpty { add(.errorBased, "EXTRACTVALUE() error") }
        if !s.calls(["UPDATEXML"]).isEmpty { add(.errorBased, "UPDATEXML() error") }
        if !s.calls(["GTID_SUBSET", "GTID_SUBTRACT", "NAME_CONST", "XMLTYPE"]).isEmpty {
            add(.errorBased, "error-raising function")
        }
        for k in s.calls(["FLOOR"]) where s.isWord(k + 2, "RAND") { add(.errorBased, "FLOOR(RAND(0)*2) duplicate-key error") }
        for k in s.calls(["EXP"]) where s.isOp(k + 2, "~") { add(.errorBased, "EXP(~…) overflow error") }
        for k in s.calls(["CAST", "CONVERT"]) {
            let args = s.arguments(ofCallAt: k).joined()
            if args.contains(where: { $0.kind == .word && ($0.text.hasPrefix("@@") || $0.text == "SELECT"
                || SQLVocabulary.systemInformation.contains($0.text)) })
            {
                add(.errorBased, "CAST/CONVERT of a system value or subquery (type-conversion error)")
            }
        }
        for k in 0..<s.count where s[k]!.isWord("DRITHSX") && s.isOp(k + 1, ".") && s.isWord(k + 2, "SN") {
            add(.errorBased, "CTXSYS.DRITHSX.SN error")
        }
    }

    // MARK: Files and commands

    static func fileAccess(_ s: SQLStatement, _ add: Add) {
        for k in 0..<s.count where s[k]!.isWord("INTO") && (s.isWord(k + 1, "OUTFILE") || s.isWord(k + 1, "DUMPFILE")) {
            add(.fileAccess, "INTO OUTFILE / DUMPFILE")
        }
        if !s.calls(["LOAD_FILE"]).isEmpty { add(.fileAccess, "LOAD_FILE()") }
        if !s.calls(["PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE", "READFILE", "WRITEFILE"]).isEmpty {
            add(.fileAccess, "server file read or write function")
        }
        if !s.calls(["LO_IMPORT", "LO_EXPORT"]).isEmpty { add(.fileAccess, "large-object file import/export") }
        if !s.calls(["OPENROWSET", "OPENDATASOURCE"]).isEmpty { add(.fileAccess, "OPENROWSET / OPENDATASOURCE") }
        if s.isWord(0, "LOAD") && s.isWord(1, "DATA") { add(.fileAccess, "LOAD DATA INFILE") }
        if s.isWord(0, "BULK") && s.isWord(1, "INSERT") { add(.fileAccess, "BULK INSERT from a file") }
        for k in 0..<s.count where s[k]!.isWord("UTL_FILE") { add(.fileAccess, "UTL_FILE") }
    }

    static let commandWords: Set<String> = [
        "XP_CMDSHELL", "SP_OACREATE", "SP_OAMETHOD", "SP_EXECUTE_EXTERNAL_SCRIPT", "SYS_EXEC", "SYS_EVAL",
        "SHUTDOWN", "SP_ADDSRVROLEMEMBER", "SONAME",
    ]

    static func commandExecution(_ s: SQLStatement, _ add: Add) {
        for k in 0..<s.count {
            let token = s.t[k]
            guard token.kind == .word else { continue }
            if commandWords.contains(token.text) {
                add(.commandExecution, token.text == "XP_CMDSHELL" ? "xp_cmdshell" : token.text.lowercased())
            } else if token.text == "SP_CONFIGURE", let value = s[k + 1], value.kind == .string || s[k + 2]?.kind == .string {
                let setting = (value.kind == .string ? value.text : s[k + 2]!.text).lowercased()
                if setting.contains("xp_cmdshell") || setting.contains("ole automation") || setting.contains("external scripts") {
                    add(.commandExecution, "sp_configure enabling command execution")
                }
            } else if token.text == "PROGRAM", s.isWord(k - 1, "FROM") || s.isWord(k - 1, "TO"), s.verb == "COPY" {
                add(.commandExecution, "COPY … PROGRAM")
            }
        }
        if !s.calls(["LOAD_EXTENSION"]).isEmpty { add(.commandExecution, "load_extension()") }
    }

    // MARK: Encodings

    static func encoding(_ s: SQLStatement, _ add: Add) {
        for token in s.t where token.kind == .hex && isPrintableHex(token.text) {
            add(.encoding, "hex-encoded text literal (0x…)")
        }
        var singleCodes = 0
        for k in s.calls(["CHAR", "CHR", "NCHAR"]) {
            let args = s.arguments(ofCallAt: k)
            let numeric = args.allSatisfy { $0.count == 1 && $0[0].kind == .number }
            if numeric && args.count >= 3 { add(.encoding, "CHAR() character-code encoding") }
            if numeric && args.count == 1 { singleCodes += 1 }
        }
        if singleCodes >= 3 { add(.encoding, "CHR()||CHR() character-code encoding") }
        for k in s.calls(["UNHEX", "FROM_BASE64"]) {
            if let first = s.arguments(ofCallAt: k).first, first.count == 1, first[0].isLiteral {
                add(.encoding, "decoded literal (UNHEX / FROM_BASE64)")
            }
        }
    }

    /// Hex that decodes to at least four printable ASCII bytes: text hidden
    /// from a quote filter, not a binary key or id.
    static func isPrintableHex(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        // `X'…'` bodies are not checked by the tokenizer: anything may be inside.
        guard bytes.count >= 8, bytes.count % 2 == 0, bytes.allSatisfy(EncodedValueScanner.isHexByte) else { return false }
        func value(_ c: UInt8) -> UInt8 { ASCII.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10 }
        var k = 0
        while k < bytes.count {
            let byte = value(bytes[k]) << 4 | value(bytes[k + 1])
            guard byte >= 0x20 && byte < 0x7F else { return false }
            k += 2
        }
        return true
    }

    // MARK: Catalog probing and credentials

    static func catalogs(_ s: SQLStatement, _ add: Add) {
        let firstFrom = (0..<s.count).first { s.depth[$0] == 0 && s.t[$0].isWord("FROM") }
        let outerIsCatalog = firstFrom.flatMap { s.word($0 + 1) }.map(SQLVocabulary.catalogs.contains) ?? false
        let whereAt = s.hasTopLevelWhere(after: 0)
        var sawUnion = false
        for k in 0..<s.count {
            let token = s.t[k]
            guard token.kind == .word else { continue }
            if token.text == "UNION" { sawUnion = true }
            if SQLVocabulary.credentialTables.contains(token.text)
                || (token.text == "MYSQL" && s.isOp(k + 1, ".") && s.isWord(k + 2, "USER"))
            {
                add(.credentialDump, "read of the password-hash table")
            }
            guard SQLVocabulary.catalogs.contains(token.text) else { continue }
            if sawUnion { add(.schemaProbe, "system catalog read through UNION") }
            else if let whereAt, k > whereAt, !outerIsCatalog { add(.schemaProbe, "system catalog read inside a condition") }
        }
    }

    static func blindExtraction(_ s: SQLStatement, _ add: Add) {
        let substrings: Set<String> = ["SUBSTRING", "SUBSTR", "MID", "LEFT", "RIGHT"]
        for k in s.calls(["ASCII", "ORD", "UNICODE"]) where s.word(k + 2).map(substrings.contains) ?? false {
            add(.blindExtraction, "character-by-character extraction (ASCII(SUBSTRING(…)))")
        }
        for k in s.calls(substrings) {
            if s.isOp(k + 2, "(") && s.isWord(k + 3, "SELECT") || (s.word(k + 2).map { $0.hasPrefix("@@") } ?? false) {
                add(.blindExtraction, "SUBSTRING of a subquery or system value")
            }
        }
    }

    static let outOfBandWords: Set<String> = [
        "UTL_HTTP", "UTL_INADDR", "UTL_TCP", "UTL_SMTP", "DBMS_LDAP", "HTTPURITYPE", "XP_DIRTREE", "XP_FILEEXIST",
        "XP_SUBDIRS", "DBLINK_CONNECT", "DBLINK",
    ]

    static func outOfBand(_ s: SQLStatement, _ add: Add) {
        for token in s.t where token.kind == .word && outOfBandWords.contains(token.text) {
            add(.outOfBand, token.text.lowercased() + " network call")
        }
    }

    // MARK: Destructive statements

    static func destructive(_ s: SQLStatement, _ add: Add) {
        guard let verb = s.verb else { return }
        switch verb {
        case "DROP":
            add(.drop, "DROP " + (s.word(1) ?? ""))
        case "TRUNCATE":
            add(.truncate, "TRUNCATE")
        case "DELETE":
            if let at = s.hasTopLevelWhere(after: 0) {
                if alwaysTrue(s, whereAt: at) { add(.deleteAll, "DELETE with an always-true WHERE") }
            } else {
                add(.deleteAll, "DELETE without WHERE")
            }
        case "UPDATE":
            if let at = s.hasTopLevelWhere(after: 0) {
                if alwaysTrue(s, whereAt: at) { add(.updateAll, "UPDATE with an always-true WHERE") }
            } else if s.t.contains(where: { $0.isWord("SET") }) {
                add(.updateAll, "UPDATE without WHERE")
            }
        case "ALTER":
            if (1..<s.count).contains(where: { s.depth[$0] == 0 && s.t[$0].isWord("DROP") }) { add(.alterDrop, "ALTER … DROP") }
        default:
            break
        }
    }

    /// `WHERE 1=1`, `WHERE TRUE`, `WHERE 1` with nothing else.
    static func alwaysTrue(_ s: SQLStatement, whereAt k: Int) -> Bool {
        var rest = Array(s.t[(k + 1)...])
        if let cut = rest.firstIndex(where: { ["LIMIT", "RETURNING", "ORDER"].contains($0.kind == .word ? $0.text : "") }) {
            rest = Array(rest[..<cut])
        }
        if rest.count == 1 { return rest[0].isLiteral && isTrue(rest[0]) }
        if rest.count == 3, rest[0].isLiteral, rest[2].isLiteral { return constantComparison(rest[0], rest[1].text, rest[2]) == true }
        return false
    }
}
