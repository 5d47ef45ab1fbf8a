/// Control operators: they end a simple command.
enum ControlOperator: Equatable {
    case semicolon, caseBreak, background, and, or, pipe, pipeAll, open, close

    var text: String {
        switch self {
        case .semicolon: ";"
        case .caseBreak: ";;"
        case .background: "&"
        case .and: "&&"
        case .or: "||"
        case .pipe: "|"
        case .pipeAll: "|&"
        case .open: "("
        case .close: ")"
        }
    }
}

enum RedirectionKind: Equatable {
    case normal
    case hereDocument(stripTabs: Bool)
    case hereString
}

struct RedirectionOperator {
    /// Including any file-descriptor prefix: `2>`, `&>>`, `<<-`.
    var text: [UInt8]
    var kind: RedirectionKind
}

enum Token {
    case word(Word)
    case control(ControlOperator)
    case redirection(RedirectionOperator)
    case newline
    case end
}

/// A recursive-descent parser over one buffer of shell source. Nested
/// constructs in the same buffer (`$(...)`, `<(...)`, function bodies, case
/// arms) recurse in place; re-parsed strings (`bash -c`, `eval`, backticks,
/// here-documents) get a new parser sharing the collector. Every recursion
/// goes through `enterNested`, so depth is bounded.
struct ShellParser {
    let bytes: [UInt8]
    var index = 0
    var end: Int
    let collector: ShellCollector
    var depth: Int
    /// Wrappers that run everything in this buffer (`["sudo", "bash"]`).
    let wrappers: [String]
    var lookahead: Token?
    /// Here-document bodies already read ahead: when the newline before
    /// `from` is consumed, lexing resumes at `to`.
    var hereDocumentSkip: (from: Int, to: Int)?
    /// Which candidate of multi-valued variables the current expansion uses,
    /// and the most candidates any variable in it had.
    var variant = 0
    var candidatesSeen = 1

    init(bytes: [UInt8], collector: ShellCollector, depth: Int, wrappers: [String]) {
        self.bytes = bytes
        self.end = bytes.count
        self.collector = collector
        self.depth = depth
        self.wrappers = wrappers
    }

    // MARK: Depth

    /// Enters a nested construct; false (and a problem) past the depth limit.
    mutating func enterNested() -> Bool {
        guard depth < collector.maximumDepth else {
            collector.report(.depthLimitExceeded)
            return false
        }
        depth += 1
        return true
    }

    mutating func leaveNested() { depth -= 1 }

    // MARK: Tokens

    mutating func peekToken() -> Token {
        if let token = lookahead { return token }
        let token = lexToken()
        lookahead = token
        return token
    }

    mutating func nextToken() -> Token {
        if let token = lookahead.take() { return token }
        return lexToken()
    }

    /// Puts back a token just taken with `nextToken`.
    mutating func unread(_ token: Token) {
        lookahead = token
    }

    /// The next token's operator, without copying a word.
    mutating func peekControl() -> ControlOperator? {
        if lookahead == nil { lookahead = lexToken() }
        if case .control(let op)? = lookahead { return op }
        return nil
    }

    mutating func skipNewlines() {
        while true {
            if lookahead == nil { lookahead = lexToken() }
            guard case .newline? = lookahead else { return }
            lookahead = nil
        }
    }

    func byte(at position: Int) -> UInt8? { position < end ? bytes[position] : nil }

    private mutating func lexToken() -> Token {
        if collector.exhausted {
            index = end
            return .end
        }
        skipBlanksAndComments()
        guard index < end else { return .end }
        let current = bytes[index]
        let next = byte(at: index + 1)
        switch current {
        case Byte.newline:
            consumeNewline()
            return .newline
        case Byte.semicolon:
            if next == Byte.semicolon {
                index += 2
                if byte(at: index) == Byte.ampersand { index += 1 }
                return .control(.caseBreak)
            }
            if next == Byte.ampersand {
                index += 2
                return .control(.caseBreak)
            }
            index += 1
            return .control(.semicolon)
        case Byte.ampersand:
            if next == Byte.ampersand {
                index += 2
                return .control(.and)
            }
            if next == Byte.greater { return lexRedirection(from: index) }
            index += 1
            return .control(.background)
        case Byte.pipe:
            index += next == Byte.pipe || next == Byte.ampersand ? 2 : 1
            return .control(next == Byte.pipe ? .or : next == Byte.ampersand ? .pipeAll : .pipe)
        case Byte.openParen:
            index += 1
            return .control(.open)
        case Byte.closeParen:
            index += 1
            return .control(.close)
        case Byte.less, Byte.greater:
            if next == Byte.openParen { return .word(lexWord()) }
            return lexRedirection(from: index)
        default:
            if Byte.isDigit(current), let redirection = lexDescriptorRedirection() { return redirection }
            return .word(lexWord())
        }
    }

    /// Blanks, line continuations and `#` comments (a `#` that starts a word).
    private mutating func skipBlanksAndComments() {
        while index < end {
            let current = bytes[index]
            if Byte.isBlank(current) {
                index += 1
            } else if current == Byte.backslash, byte(at: index + 1) == Byte.newline {
                index += 2
            } else if current == Byte.hash {
                while index < end, bytes[index] != Byte.newline { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func consumeNewline() {
        let newlineAt = index
        index += 1
        if let skip = hereDocumentSkip, newlineAt + 1 >= skip.from {
            index = max(index, skip.to)
            hereDocumentSkip = nil
        }
    }

    /// `2>`, `10<&`: digits glued to a redirection operator.
    private mutating func lexDescriptorRedirection() -> Token? {
        var position = index
        while position < end, Byte.isDigit(bytes[position]) { position += 1 }
        guard let op = byte(at: position), op == Byte.less || op == Byte.greater,
              byte(at: position + 1) != Byte.openParen
        else { return nil }
        return lexRedirection(from: index, operatorAt: position)
    }

    private mutating func lexRedirection(from start: Int, operatorAt: Int? = nil) -> Token {
        index = operatorAt ?? start
        var kind = RedirectionKind.normal
        let first = bytes[index]
        index += 1
        let next = byte(at: index)
        switch first {
        case Byte.ampersand:
            index += 1  // the '>' of '&>'
            if byte(at: index) == Byte.greater { index += 1 }
        case Byte.less:
            if next == Byte.less {
                index += 1
                if byte(at: index) == Byte.less {
                    index += 1
                    kind = .hereString
                } else if byte(at: index) == Byte.dash {
                    index += 1
                    kind = .hereDocument(stripTabs: true)
                } else {
                    kind = .hereDocument(stripTabs: false)
                }
            } else if next == Byte.ampersand || next == Byte.greater {
                index += 1
            }
        default:
            if next == Byte.greater || next == Byte.ampersand || next == Byte.pipe { index += 1 }
        }
        return .redirection(RedirectionOperator(text: Array(bytes[start..<index]), kind: kind))
    }
}
