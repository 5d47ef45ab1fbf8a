import Testing
@testable import HookCore

@Suite("SQL: tokenizer")
struct SQLTokenizerTests {
    func kinds(_ sql: String) -> [SQLToken.Kind] { SQLTokenizer.tokenize(sql).all.map(\.kind) }
    func texts(_ sql: String) -> [String] { SQLTokenizer.tokenize(sql).all.map(\.text) }

    @Test func stringsWithDoubledQuotesAndBackslashes() {
        let tokens = SQLTokenizer.tokenize(#"SELECT 'it''s', 'a\'b', E'x\ny'"#).all
        #expect(tokens.filter { $0.kind == .string }.map(\.text) == ["it's", "a'b", "x\ny"])
        #expect(!tokens.contains { $0.unterminated })
    }

    @Test func unterminatedStringRunsToTheEnd() {
        let tokens = SQLTokenizer.tokenize("SELECT 'abc").all
        #expect(tokens.last?.kind == .string)
        #expect(tokens.last?.unterminated == true)
    }

    @Test func dollarQuotedStrings() {
        let tokens = SQLTokenizer.tokenize("SELECT $$a 'b' DROP$$, $fn$x$y$fn$, $1").all
        #expect(tokens.filter { $0.kind == .string }.map(\.text) == ["a 'b' DROP", "x$y"])
        #expect(tokens.last?.kind == .parameter)
    }

    @Test func quotedIdentifiers() {
        let tokens = SQLTokenizer.tokenize(#"SELECT "drop", `union`, [order] FROM t"#).all
        #expect(tokens.filter { $0.kind == .quotedIdentifier }.map(\.text) == ["drop", "union", "order"])
        #expect(!tokens.contains { $0.isWord("DROP") || $0.isWord("UNION") })
    }

    @Test func comments() {
        #expect(kinds("SELECT 1 -- x\n# y\n/* z */") == [.word, .number, .lineComment, .lineComment, .blockComment])
        #expect(texts("SELECT 1 -- DROP TABLE t").last == " DROP TABLE t")
    }

    @Test func executableCommentBodiesAreCode() {
        let tokens = SQLTokenizer.tokenize("SELECT 1 /*!50000UNION*/ SELECT 2")
        #expect(tokens.executableComments == 1)
        #expect(tokens.code.map(\.text) == ["SELECT", "1", "UNION", "SELECT", "2"])
    }

    @Test func numbersHexAndOperators() {
        let tokens = SQLTokenizer.tokenize("x>=1.5e3 AND y<>0x4142 OR z::int || X'41'").all
        #expect(tokens.map(\.kind) == [.word, .op, .number, .word, .word, .op, .hex, .word, .word, .op, .word, .op, .hex])
        #expect(tokens[6].text == "4142")
    }

    @Test func statementsSplitAtSemicolons() {
        #expect(SQLTokenizer.tokenize("SELECT 1; ; DROP TABLE t;").statements.count == 2)
        #expect(SQLTokenizer.tokenize("SELECT ';'").statements.count == 1)
    }

    @Test func offsetsAreBytes() {
        let tokens = SQLTokenizer.tokenize("SELECT 'é' x").all
        #expect(tokens.map(\.start) == [0, 7, 12])
    }
}

@Suite("SQL: inspector")
struct SQLInspectorTests {
    func families(_ sql: String) -> Set<SQLFamily> { Set(SQLInspector.inspect(sql).map(\.family)) }

    @Test(arguments: [
        ("SELECT a FROM t WHERE b = 'x' OR '1'='1'", SQLFamily.tautology),
        ("SELECT * FROM t WHERE id = 1; DROP TABLE t", .stackedQuery),
        ("SELECT 1 UNION SELECT NULL, NULL", .union),
        ("SELECT * FROM u WHERE n = 'admin'--'", .commentTruncation),
        ("SELECT SLEEP(5)", .timeBased),
        ("WAITFOR DELAY '0:0:5'", .timeBased),
        ("DELETE FROM t", .deleteAll),
        ("UPDATE t SET a = 1", .updateAll),
        ("DROP TABLE t", .drop),
        ("TRUNCATE t", .truncate),
        ("ALTER TABLE t DROP COLUMN c", .alterDrop),
    ])
    func finds(sql: String, family: SQLFamily) {
        #expect(families(sql).contains(family), "\(sql): \(families(sql))")
    }

    @Test(arguments: [
        "SELECT drop_date FROM t", "SELECT * FROM s WHERE name = 'union station'", "SELECT 1 -- drop table t",
        "DELETE FROM t WHERE id = 1", "UPDATE t SET a = 1 WHERE b = 2", "SELECT \"union\" FROM t",
    ])
    func lookAlikesAreClean(sql: String) {
        #expect(families(sql).isEmpty, "\(sql): \(families(sql))")
    }

    @Test func reasonsNameThePattern() {
        let findings = SQLInspector.inspect("SELECT 1; DROP TABLE users")
        #expect(findings.contains { $0.family == .stackedQuery && $0.pattern.contains("stacked") })
        #expect(SQLFamily.stackedQuery.reason.hasPrefix("SQL injection: stacked query"))
    }

    @Test func atLeastThirtyInjectionPatterns() {
        // Distinct pattern names across the corpus-independent sample below.
        let samples = [
            "SELECT 1 UNION SELECT NULL,NULL", "SELECT 1 UNION SELECT version()", "SELECT a FROM t UNION SELECT password FROM u",
            "SELECT a FROM t UNION SELECT x FROM information_schema.tables", "SELECT 1; DROP TABLE t", "SELECT 1; DELETE FROM t;--",
            "SELECT 1 WHERE a=1 OR 1=1", "SELECT 1 WHERE a='' OR 'a'='a'", "SELECT 1 WHERE a=1 OR TRUE", "SELECT 1 WHERE a=1 OR a=a",
            "SELECT 1 WHERE a='x'--", "SELECT 1 WHERE a='x", "SELECT 1 -- ' OR 'a'='a'", "SELECT SLEEP(1)", "SELECT BENCHMARK(1,1)",
            "WAITFOR DELAY '0:0:1'", "SELECT DBMS_PIPE.RECEIVE_MESSAGE('a',1)", "SELECT extractvalue(1,1)", "SELECT updatexml(1,1,1)",
            "SELECT CAST(@@version AS int)", "SELECT FLOOR(RAND(0)*2)", "SELECT EXP(~0)", "SELECT 1 INTO OUTFILE '/x'",
            "SELECT LOAD_FILE('/x')", "SELECT pg_read_file('/x')", "SELECT lo_import('/x')", "LOAD DATA INFILE '/x' INTO TABLE t",
            "EXEC xp_cmdshell 'dir'", "COPY t FROM PROGRAM 'id'", "SELECT load_extension('/x')", "SELECT 0x61646d696e",
            "SELECT CHAR(97,98,99)", "SELECT CHR(97)||CHR(98)||CHR(99)", "SELECT * FROM pg_shadow",
            "SELECT ASCII(SUBSTRING(a,1,1))", "SELECT UTL_HTTP.REQUEST('x')", "SELECT /*!UNION*/ 1", "SELECT/**/1",
        ]
        var patterns = Set<String>()
        for sql in samples {
            for finding in SQLInspector.inspect(sql) where !finding.family.isDestructive { patterns.insert(finding.pattern) }
        }
        #expect(patterns.count >= 30, "\(patterns.count): \(patterns.sorted())")
    }
}
