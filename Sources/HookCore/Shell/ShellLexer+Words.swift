/// Word lexing: quoting, backslashes, tilde, backticks, process substitution.
extension ShellParser {
    mutating func lexWord() -> Word {
        let start = index
        // Fast path: most words are one run of plain bytes. `=` and `~` are
        // plain too, except where they start an assignment value or a tilde.
        var run = plainRunEnd(from: index)
        while run < end, run > start, bytes[run] == Byte.equals || bytes[run] == Byte.tilde {
            if bytes[run] == Byte.equals, Byte.isAssignmentName(bytes[start..<run]), let next = byte(at: run + 1),
               next == Byte.tilde || next == Byte.openParen { break }
            run = plainRunEnd(from: run + 1)
        }
        if run > start, run == end || Byte.endsWord(bytes[run]), bytes[start] != Byte.tilde {
            index = run
            return Word(plain: bytes[start..<run], start: start, end: run)
        }
        var word = WordBuilder()
        var isArrayAssignment = false
        var arrayOpen = false
        if let first = byte(at: index), first == Byte.less || first == Byte.greater,
           byte(at: index + 1) == Byte.openParen {
            index += 2
            word.part(.substitution(parseSubstitutionBody(from: start), quoted: false))
        }
        while index < end {
            let current = bytes[index]
            if arrayOpen, Byte.endsWord(current) {
                // Inside `NAME=( ... )` blanks and operators are part of the value.
                if current == Byte.closeParen { arrayOpen = false }
                word.literal(current, quoted: false)
                index += 1
                continue
            }
            switch current {
            case Byte.space, Byte.tab, Byte.newline, Byte.semicolon, Byte.ampersand, Byte.pipe,
                 Byte.openParen, Byte.closeParen, Byte.less, Byte.greater:
                return Word(parts: word.finish(), start: start, end: index, isArrayAssignment: isArrayAssignment)
            case Byte.backslash:
                if let next = byte(at: index + 1) {
                    if next != Byte.newline { word.literal(next, quoted: true) }
                    index += 2
                } else {
                    word.literal(current, quoted: false)
                    index += 1
                }
            case Byte.singleQuote:
                lexSingleQuoted(into: &word)
            case Byte.doubleQuote:
                index += 1
                lexQuotedContent(into: &word, hereDocument: false)
            case Byte.backquote:
                lexBackquoted(into: &word, quoted: false)
            case Byte.dollar:
                lexDollar(into: &word, quoted: false)
            case Byte.tilde where index == start:
                lexTilde(into: &word, inAssignment: false)
            case Byte.equals:
                let startsValue = word.isAssignmentName
                word.literal(current, quoted: false)
                index += 1
                if startsValue, let next = byte(at: index) {
                    if next == Byte.tilde {
                        lexTilde(into: &word, inAssignment: true)
                    } else if next == Byte.openParen {
                        isArrayAssignment = true
                        arrayOpen = true
                        word.literal(next, quoted: false)
                        index += 1
                    }
                }
            default:
                let run = max(plainRunEnd(from: index), index + 1)
                word.literal(bytes[index..<run], quoted: false)
                index = run
            }
        }
        return Word(parts: word.finish(), start: start, end: index, isArrayAssignment: isArrayAssignment)
    }

    /// The end of a run of bytes with no meaning to the lexer inside a word.
    func plainRunEnd(from start: Int) -> Int {
        var position = start
        while position < end, Byte.isPlainWordByte(bytes[position]) { position += 1 }
        return position
    }

    mutating func lexSingleQuoted(into word: inout WordBuilder) {
        let contentStart = index + 1
        var position = contentStart
        while position < end, bytes[position] != Byte.singleQuote { position += 1 }
        word.literal(bytes[contentStart..<position], quoted: true)
        if position < end {
            index = position + 1
        } else {
            collector.report(.unterminatedQuote)
            index = end
        }
    }

    /// The inside of `"..."` (from just after the quote), or a whole
    /// here-document body: `$`, backticks and a few backslash escapes are live.
    mutating func lexQuotedContent(into word: inout WordBuilder, hereDocument: Bool) {
        word.beginQuoted()
        while index < end {
            let current = bytes[index]
            switch current {
            case Byte.doubleQuote where !hereDocument:
                index += 1
                return
            case Byte.backslash:
                let next = byte(at: index + 1)
                switch next {
                case Byte.dollar?, Byte.backquote?, Byte.backslash?:
                    word.literal(next!, quoted: true)
                    index += 2
                case Byte.doubleQuote? where !hereDocument:
                    word.literal(Byte.doubleQuote, quoted: true)
                    index += 2
                case Byte.newline?:
                    index += 2
                default:
                    word.literal(current, quoted: true)
                    index += 1
                }
            case Byte.dollar:
                lexDollar(into: &word, quoted: true)
            case Byte.backquote:
                lexBackquoted(into: &word, quoted: true)
            default:
                var run = index + 1
                while run < end, Byte.isPlainQuotedByte(bytes[run]) { run += 1 }
                word.literal(bytes[index..<run], quoted: true)
                index = run
            }
        }
        if !hereDocument { collector.report(.unterminatedQuote) }
    }

    /// `~` / `~user` followed by `/` or the end of the word (or `:` in an
    /// assignment). Anything else keeps the tilde literal, as the shell does.
    mutating func lexTilde(into word: inout WordBuilder, inAssignment: Bool) {
        var position = index + 1
        while position < end {
            let current = bytes[position]
            if current == Byte.slash || Byte.endsWord(current) || (inAssignment && current == Byte.colon) { break }
            guard Byte.isNameByte(current) || current == Byte.dot || current == Byte.dash else {
                word.literal(Byte.tilde, quoted: false)
                index += 1
                return
            }
            position += 1
        }
        word.part(.tilde(user: Array(bytes[(index + 1)..<position])))
        index = position
    }

    /// A backquoted command: the content, with `\``, `\\` and `\$` unescaped,
    /// is parsed as a separate buffer.
    mutating func lexBackquoted(into word: inout WordBuilder, quoted: Bool) {
        let start = index
        index += 1
        var content: [UInt8] = []
        var closed = false
        while index < end {
            let current = bytes[index]
            if current == Byte.backquote {
                index += 1
                closed = true
                break
            }
            if current == Byte.backslash, let next = byte(at: index + 1),
               next == Byte.backquote || next == Byte.backslash || next == Byte.dollar
                || (quoted && next == Byte.doubleQuote) {
                content.append(next)
                index += 2
                continue
            }
            content.append(current)
            index += 1
        }
        if !closed { collector.report(.unbalancedSubstitution) }
        let produced = parseNested(content, wrappers: wrappers, scope: .subshell)
        word.part(.substitution(Substitution(source: Array(bytes[start..<index]), produced: produced), quoted: quoted))
    }

    /// Parses the commands of `$(...)`, `<(...)` or `>(...)` in place, from
    /// just after the opening parenthesis through the closing one.
    mutating func parseSubstitutionBody(from start: Int) -> Substitution {
        guard enterNested() else {
            skipBalanced(open: Byte.openParen, close: Byte.closeParen)
            return Substitution(source: Array(bytes[start..<index]), decoder: nil)
        }
        let scope = collector.saveScope()
        let pipelinesBefore = collector.pipelineCount
        let result = parseList(until: .closeParen)
        collector.restoreScope(scope)
        leaveNested()
        let produced = collector.produced(by: result.lastPipeline, pipelinesBefore: pipelinesBefore)
        return Substitution(source: Array(bytes[start..<index]), produced: produced)
    }

    /// Skips to the matching closer without parsing (used past the depth
    /// limit): quotes and escapes are honoured so the skip stays in sync.
    mutating func skipBalanced(open: UInt8, close: UInt8, level startLevel: Int = 1) {
        var level = startLevel
        while index < end {
            let current = bytes[index]
            index += 1
            switch current {
            case Byte.backslash:
                index = min(index + 1, end)
            case Byte.singleQuote:
                while index < end, bytes[index] != Byte.singleQuote { index += 1 }
                index = min(index + 1, end)
            case Byte.doubleQuote:
                while index < end, bytes[index] != Byte.doubleQuote {
                    index += bytes[index] == Byte.backslash ? 2 : 1
                }
                index = min(index + 1, end)
            case open:
                level += 1
            case close:
                level -= 1
                if level == 0 { return }
            default:
                break
            }
        }
        collector.report(.unbalancedSubstitution)
    }
}
