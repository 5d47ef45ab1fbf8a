/// One lexical unit of SQL. The tokenizer is dialect-tolerant: it accepts the
/// union of what PostgreSQL, MySQL, SQLite and SQL Server write, because a
/// detector must see a keyword wherever any of them would execute it.
public struct SQLToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Keyword or bare identifier; `text` is upper-cased. `@var` and
        /// `@@version` are words too.
        case word
        /// `"name"`, `` `name` ``, `[name]`; `text` is the name.
        case quotedIdentifier
        /// `'…'`, `E'…'`, `N'…'`, `$tag$…$tag$`; `text` is the unescaped value.
        case string
        case number
        /// `0x…` or `X'…'`; `text` is the hex digits.
        case hex
        /// Operators and punctuation: `=`, `<>`, `(`, `,`, `.`, `||`, `::`…
        case op
        case semicolon
        /// `$1`, `?`, `:name`.
        case parameter
        /// `-- …`, `# …` (line) or `/* … */` (block); `text` is the body.
        case lineComment
        case blockComment
    }

    public var kind: Kind
    public var text: String
    /// UTF-8 byte offsets into the tokenized text.
    public var start: Int
    public var end: Int
    /// A string, quoted identifier or block comment with no closing delimiter.
    public var unterminated: Bool

    public init(kind: Kind, text: String, start: Int, end: Int, unterminated: Bool = false) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.unterminated = unterminated
    }

    public var isComment: Bool { kind == .lineComment || kind == .blockComment }

    @inline(__always) func isWord(_ upper: String) -> Bool { kind == .word && text == upper }
    @inline(__always) func isOp(_ op: String) -> Bool { kind == .op && text == op }

    /// A constant a condition can compare: string, number, hex, `NULL`, `TRUE`, `FALSE`.
    var isLiteral: Bool {
        switch kind {
        case .string, .number, .hex: true
        case .word: text == "NULL" || text == "TRUE" || text == "FALSE"
        default: false
        }
    }
}

/// The result of tokenizing: the tokens (comments included) plus what the
/// text did that plain SQL never needs.
public struct SQLTokens: Sendable {
    public var all: [SQLToken]
    /// MySQL `/*! … */` comments, whose body MySQL executes; the body is
    /// tokenized as code.
    public var executableComments: Int

    /// Tokens without comments.
    public var code: [SQLToken] { all.filter { !$0.isComment } }

    /// Code tokens split into statements at `;` (empty statements dropped).
    public var statements: [[SQLToken]] {
        var result: [[SQLToken]] = []
        var current: [SQLToken] = []
        for token in all where !token.isComment {
            if token.kind == .semicolon {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
