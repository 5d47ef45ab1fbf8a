/// Splits SQL text into tokens in one left-to-right pass: every byte is
/// looked at a bounded number of times, so the time is linear whatever the
/// input. Unterminated strings and comments run to the end of the text (and
/// say so); nothing is an error, because the input is untrusted and the
/// detectors must still see what precedes the damage.
public enum SQLTokenizer {
    /// Inputs longer than this are tokenized up to the limit only. SQL from a
    /// tool argument is far shorter; the cap bounds the token array.
    public static let maxBytes = 1 << 20

    public static func tokenize(_ sql: String) -> SQLTokens {
        var sql = sql
        return sql.withUTF8 { tokenize(bytes: $0) }
    }

    static func tokenize(bytes source: UnsafeBufferPointer<UInt8>) -> SQLTokens {
        let b = UnsafeBufferPointer(rebasing: source[0..<min(source.count, maxBytes)])
        var lexer = Lexer(b: b)
        lexer.run()
        return SQLTokens(all: lexer.tokens, executableComments: lexer.executableComments)
    }

    struct Lexer {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var tokens: [SQLToken] = []
        var executableComments = 0
        var inExecutableComment = false

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        @inline(__always) func at(_ k: Int) -> UInt8 { k >= 0 && k < b.count ? b[k] : 0 }

        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }

        mutating func emit(_ kind: SQLToken.Kind, _ text: String, _ start: Int, unterminated: Bool = false) {
            tokens.append(SQLToken(kind: kind, text: text, start: start, end: i, unterminated: unterminated))
        }

        static func isWordByte(_ c: UInt8) -> Bool {
            ASCII.isAlnum(c) || c == ASCII.underscore || c == UInt8(ascii: "$") || c >= 0x80
        }

        mutating func run() {
            while i < b.count {
                let c = b[i], start = i
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                    i += 1
                case UInt8(ascii: "-") where at(i + 1) == UInt8(ascii: "-"):
                    lineComment(from: i + 2)
                case UInt8(ascii: "#"):
                    lineComment(from: i + 1)
                case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
                    blockComment()
                case UInt8(ascii: "*") where inExecutableComment && at(i + 1) == UInt8(ascii: "/"):
                    inExecutableComment = false
                    i += 2
                case UInt8(ascii: "'"):
                    quoted(start: start, open: i, close: UInt8(ascii: "'"), backslash: true, kind: .string)
                case UInt8(ascii: "\""):
                    quoted(start: start, open: i, close: UInt8(ascii: "\""), backslash: false, kind: .quotedIdentifier)
                case UInt8(ascii: "`"):
                    quoted(start: start, open: i, close: UInt8(ascii: "`"), backslash: false, kind: .quotedIdentifier)
                case UInt8(ascii: "["):
                    quoted(start: start, open: i, close: UInt8(ascii: "]"), backslash: false, kind: .quotedIdentifier)
                case UInt8(ascii: ";"):
                    i += 1
                    emit(.semicolon, ";", start)
                case UInt8(ascii: "$"):
                    dollar()
                case UInt8(ascii: "?"):
                    i += 1
                    emit(.parameter, "?", start)
                case UInt8(ascii: ":") where Self.isWordByte(at(i + 1)) && at(i - 1) != UInt8(ascii: ":")
                    && !(tokens.last.map { $0.end == start && $0.kind != .op } ?? false):
                    i += 1
                    while i < b.count && Self.isWordByte(b[i]) { i += 1 }
                    emit(.parameter, text(start, i), start)
                case UInt8(ascii: "@"):
                    i += 1
                    if at(i) == UInt8(ascii: "@") { i += 1 }
                    while i < b.count && Self.isWordByte(b[i]) { i += 1 }
                    emit(.word, upper(start, i), start)
                case _ where ASCII.isDigit(c) || (c == ASCII.dot && ASCII.isDigit(at(i + 1))):
                    number()
                case _ where Self.isWordByte(c):
                    word()
                default:
                    op()
                }
            }
        }

        func upper(_ start: Int, _ end: Int) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(end - start)
            for k in start..<end { bytes.append(ASCII.isLower(b[k]) ? b[k] & 0xDF : b[k]) }
            return String(decoding: bytes, as: UTF8.self)
        }

        mutating func lineComment(from bodyStart: Int) {
            let start = i
            i = bodyStart
            while i < b.count && b[i] != 0x0A { i += 1 }
            emit(.lineComment, text(bodyStart, i), start)
        }

        mutating func blockComment() {
            let start = i
            if at(i + 2) == UInt8(ascii: "!") {
                // MySQL runs the body of `/*!` (optionally `/*!50000`): it is code.
                executableComments += 1
                inExecutableComment = true
                i += 3
                while i < b.count && ASCII.isDigit(b[i]) { i += 1 }
                return
            }
            i += 2
            let bodyStart = i
            while i < b.count && !(b[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/")) { i += 1 }
            let body = text(bodyStart, i)
            let closed = i < b.count
            if closed { i += 2 }
            emit(.blockComment, body, start, unterminated: !closed)
        }

        /// A quoted string or identifier. The closing delimiter doubled is a
        /// literal one (`''`, `""`, `]]`); in strings `\` escapes the next byte
        /// (MySQL; in standard strings a `\'` would end the string, but reading
        /// it as an escape can only hide a quote from a human, never from us:
        /// both readings are checked by the detectors through `unterminated`).
        mutating func quoted(start: Int, open: Int, close: UInt8, backslash: Bool, kind: SQLToken.Kind) {
            i = open + 1
            var value: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if backslash && c == ASCII.backslash && i + 1 < b.count {
                    value.append(Self.unescaped(b[i + 1]))
                    i += 2
                } else if c == close {
                    if at(i + 1) == close {
                        value.append(close)
                        i += 2
                    } else {
                        i += 1
                        emit(kind, String(decoding: value, as: UTF8.self), start)
                        return
                    }
                } else {
                    value.append(c)
                    i += 1
                }
            }
            emit(kind, String(decoding: value, as: UTF8.self), start, unterminated: true)
        }

        static func unescaped(_ c: UInt8) -> UInt8 {
            switch c {
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "0"): 0
            default: c
            }
        }

        /// `$1` parameters and `$tag$ … $tag$` dollar-quoted strings.
        mutating func dollar() {
            let start = i
            if ASCII.isDigit(at(i + 1)) {
                i += 1
                while i < b.count && ASCII.isDigit(b[i]) { i += 1 }
                emit(.parameter, text(start, i), start)
                return
            }
            var tagEnd = i + 1
            while tagEnd < b.count && (ASCII.isAlnum(b[tagEnd]) || b[tagEnd] == ASCII.underscore) { tagEnd += 1 }
            guard at(tagEnd) == UInt8(ascii: "$") else {
                i += 1
                emit(.op, "$", start)
                return
            }
            let tag = UnsafeBufferPointer(rebasing: b[start...tagEnd])
            let bodyStart = tagEnd + 1
            // Find the closing tag: a first-byte scan with a bounded compare per
            // `$`, so at most tag-length work per byte.
            var k = bodyStart
            while k < b.count {
                if b[k] == UInt8(ascii: "$") && k + tag.count <= b.count
                    && zip(tag, UnsafeBufferPointer(rebasing: b[k..<(k + tag.count)])).allSatisfy({ $0 == $1 })
                {
                    let body = text(bodyStart, k)
                    i = k + tag.count
                    emit(.string, body, start)
                    return
                }
                k += 1
            }
            let body = text(bodyStart, b.count)
            i = b.count
            emit(.string, body, start, unterminated: true)
        }

        mutating func number() {
            let start = i
            if b[i] == UInt8(ascii: "0") && (at(i + 1) | 0x20) == UInt8(ascii: "x") && isHex(at(i + 2)) {
                i += 2
                while i < b.count && isHex(b[i]) { i += 1 }
                emit(.hex, text(start + 2, i), start)
                return
            }
            while i < b.count && (ASCII.isDigit(b[i]) || b[i] == ASCII.dot) { i += 1 }
            if (at(i) | 0x20) == UInt8(ascii: "e") {
                var k = i + 1
                if at(k) == UInt8(ascii: "+") || at(k) == UInt8(ascii: "-") { k += 1 }
                if ASCII.isDigit(at(k)) {
                    i = k
                    while i < b.count && ASCII.isDigit(b[i]) { i += 1 }
                }
            }
            emit(.number, text(start, i), start)
        }

        func isHex(_ c: UInt8) -> Bool { ASCII.isDigit(c) || (c | 0x20) &- 0x61 < 6 }

        mutating func word() {
            let start = i
            // String prefixes: E'…', N'…', B'…', X'…' (hex), U&'…'.
            let lower = b[i] | 0x20
            if at(i + 1) == UInt8(ascii: "'") && [UInt8(ascii: "e"), UInt8(ascii: "n"), UInt8(ascii: "b"), UInt8(ascii: "x")].contains(lower) {
                quoted(start: start, open: i + 1, close: UInt8(ascii: "'"), backslash: true, kind: .string)
                if lower == UInt8(ascii: "x"), var last = tokens.popLast() {
                    last.kind = .hex
                    tokens.append(last)
                }
                return
            }
            while i < b.count && Self.isWordByte(b[i]) { i += 1 }
            emit(.word, upper(start, i), start)
        }

        static let twoByteOps: Set<String> = ["<=", ">=", "<>", "!=", "||", "&&", "::", ":=", "=>", "->", "<<", ">>", "==", "!<", "!>"]

        mutating func op() {
            let start = i
            if i + 1 < b.count {
                let pair = text(i, i + 2)
                if Self.twoByteOps.contains(pair) {
                    i += 2
                    emit(.op, pair, start)
                    return
                }
            }
            // One byte, or one whole UTF-8 scalar so token text stays valid.
            i += 1
            while i < b.count && b[i] & 0xC0 == 0x80 { i += 1 }
            emit(.op, text(start, i), start)
        }
    }
}
