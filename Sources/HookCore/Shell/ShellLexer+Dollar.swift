/// `$` forms: parameters, `${...}`, `$(...)`, `$((...))`, `$'...'`, `$"..."`.
extension ShellParser {
    mutating func lexDollar(into word: inout WordBuilder, quoted: Bool) {
        let start = index
        guard let next = byte(at: index + 1) else {
            word.literal(Byte.dollar, quoted: quoted)
            index += 1
            return
        }
        switch next {
        case Byte.openParen:
            if byte(at: index + 2) == Byte.openParen, looksLikeArithmetic(from: index + 3) {
                index += 3
                word.part(.substitution(scanArithmetic(from: start), quoted: quoted))
            } else {
                index += 2
                word.part(.substitution(parseSubstitutionBody(from: start), quoted: quoted))
            }
        case Byte.openBrace:
            lexBracedParameter(into: &word, quoted: quoted)
        case Byte.singleQuote where !quoted:
            index += 2
            word.literal(lexANSICQuoted(), quoted: true)
        case Byte.doubleQuote where !quoted:
            index += 2
            lexQuotedContent(into: &word, hereDocument: false)
        default:
            if Byte.isNameStart(next) {
                var position = index + 2
                while position < end, Byte.isNameByte(bytes[position]) { position += 1 }
                index = position
                let name = Array(bytes[(start + 1)..<position])
                word.part(.parameter(ParameterReference(name: name, operation: .plain, source: Array(bytes[start..<position])), quoted: quoted))
            } else if Byte.isDigit(next) || ShellParser.isSpecialParameter(next) {
                index += 2
                word.part(.parameter(ParameterReference(name: [next], operation: .plain, source: Array(bytes[start..<index])), quoted: quoted))
            } else {
                word.literal(Byte.dollar, quoted: quoted)
                index += 1
            }
        }
    }

    static func isSpecialParameter(_ byte: UInt8) -> Bool {
        switch byte {
        case Byte.at, Byte.star, Byte.hash, Byte.question, Byte.dollar, Byte.bang, Byte.dash: true
        default: false
        }
    }

    /// `${...}` from its `$`.
    mutating func lexBracedParameter(into word: inout WordBuilder, quoted: Bool) {
        let start = index
        index += 2
        var wantsLength = false
        if byte(at: index) == Byte.hash, let after = byte(at: index + 1), after != Byte.closeBrace {
            wantsLength = true
            index += 1
        }
        let nameStart = index
        if let first = byte(at: index) {
            if Byte.isNameStart(first) {
                while index < end, Byte.isNameByte(bytes[index]) { index += 1 }
            } else if Byte.isDigit(first) {
                while index < end, Byte.isDigit(bytes[index]) { index += 1 }
            } else if ShellParser.isSpecialParameter(first) {
                index += 1
            }
        }
        let name = Array(bytes[nameStart..<index])
        var operation = ParameterOperation.unsupported
        guard let current = byte(at: index) else {
            collector.report(.unbalancedSubstitution)
            word.part(.parameter(ParameterReference(name: name, operation: .unsupported, source: Array(bytes[start..<index])), quoted: quoted))
            return
        }
        let colon = current == Byte.colon
        let op = colon ? byte(at: index + 1) : current
        if current == Byte.closeBrace, !name.isEmpty {
            index += 1
            operation = wantsLength ? .length : .plain
        } else if name.isEmpty || wantsLength {
            _ = lexParameterWord(quoted: quoted)
        } else {
            switch op {
            case Byte.dash?, Byte.equals?:
                index += colon ? 2 : 1
                operation = .fallback(ifEmpty: colon, word: lexParameterWord(quoted: quoted))
            case Byte.plus?:
                index += colon ? 2 : 1
                operation = .alternative(ifEmpty: colon, word: lexParameterWord(quoted: quoted))
            case Byte.question?:
                index += colon ? 2 : 1
                _ = lexParameterWord(quoted: quoted)
                operation = .plain
            default:
                if colon {
                    index += 1
                    operation = ShellParser.substring(lexParameterWord(quoted: quoted)) ?? .unsupported
                } else {
                    _ = lexParameterWord(quoted: quoted)
                }
            }
        }
        word.part(.parameter(ParameterReference(name: name, operation: operation, source: Array(bytes[start..<index])), quoted: quoted))
    }

    /// `${X:offset}` / `${X:offset:length}` with literal integers only.
    static func substring(_ parts: [WordPart]) -> ParameterOperation? {
        var text: [UInt8] = []
        for part in parts {
            guard case .literal(let bytes, _) = part else { return nil }
            text.append(contentsOf: bytes)
        }
        let pieces = text.split(separator: Byte.colon, maxSplits: 1, omittingEmptySubsequences: false)
        func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
            let trimmed = bytes.drop(while: Byte.isBlank).reversed().drop(while: Byte.isBlank).reversed()
            let digits = Array(trimmed)
            guard !digits.isEmpty, digits.count < 10 else { return nil }
            let negative = digits[0] == Byte.dash
            let body = negative ? digits.dropFirst() : digits[...]
            guard !body.isEmpty, body.allSatisfy(Byte.isDigit) else { return nil }
            let value = body.reduce(0) { $0 * 10 + Int($1 - Byte.zero) }
            return negative ? -value : value
        }
        guard let offset = integer(pieces[0]) else { return nil }
        if pieces.count == 1 { return .substring(offset: offset, length: nil) }
        guard let length = integer(pieces[1]) else { return nil }
        return .substring(offset: offset, length: length)
    }

    /// The word inside `${X:-word}` up to the matching `}` (consumed).
    mutating func lexParameterWord(quoted: Bool) -> [WordPart] {
        guard enterNested() else {
            skipBalanced(open: Byte.openBrace, close: Byte.closeBrace)
            return []
        }
        defer { leaveNested() }
        var word = WordBuilder()
        while index < end {
            let current = bytes[index]
            switch current {
            case Byte.closeBrace:
                index += 1
                return word.finish()
            case Byte.backslash:
                if let next = byte(at: index + 1) {
                    word.literal(next, quoted: true)
                    index += 2
                } else {
                    word.literal(current, quoted: quoted)
                    index += 1
                }
            case Byte.singleQuote where !quoted:
                lexSingleQuoted(into: &word)
            case Byte.doubleQuote:
                index += 1
                lexQuotedContent(into: &word, hereDocument: false)
            case Byte.dollar:
                lexDollar(into: &word, quoted: quoted)
            case Byte.backquote:
                lexBackquoted(into: &word, quoted: quoted)
            default:
                word.literal(current, quoted: quoted)
                index += 1
            }
        }
        collector.report(.unbalancedSubstitution)
        return word.finish()
    }

    /// `$'...'` from just after the opening quote.
    mutating func lexANSICQuoted() -> [UInt8] {
        let contentStart = index
        while index < end, bytes[index] != Byte.singleQuote {
            index += bytes[index] == Byte.backslash ? 2 : 1
        }
        let contentEnd = min(index, end)
        if index < end {
            index += 1
        } else {
            index = end
            collector.report(.unterminatedQuote)
        }
        return EscapeDecoder.decode(bytes[contentStart..<contentEnd], style: .ansiC).bytes
    }

    /// Whether `$((` / `((` at `position` (just past both parentheses) is
    /// arithmetic: bash's rule is that the first unmatched `)` is followed
    /// directly by another `)`. Otherwise it is a nested subshell.
    mutating func looksLikeArithmetic(from position: Int) -> Bool {
        var level = 0
        var scan = position
        defer { collector.charge(scan - position) }
        while scan < end {
            switch bytes[scan] {
            case Byte.openParen:
                level += 1
            case Byte.closeParen:
                if level == 0 { return byte(at: scan + 1) == Byte.closeParen }
                level -= 1
            case Byte.backslash:
                scan += 1
            case Byte.singleQuote, Byte.doubleQuote:
                let quote = bytes[scan]
                scan += 1
                while scan < end, bytes[scan] != quote {
                    scan += quote == Byte.doubleQuote && bytes[scan] == Byte.backslash ? 2 : 1
                }
            default:
                break
            }
            scan += 1
        }
        return true
    }

    /// An arithmetic expansion or command from just past `((` through `))`.
    /// Not a command, but `$(...)` inside it still is, so those are parsed.
    mutating func scanArithmetic(from start: Int) -> Substitution {
        guard enterNested() else {
            skipBalanced(open: Byte.openParen, close: Byte.closeParen, level: 2)
            return Substitution(source: Array(bytes[start..<index]), decoder: nil)
        }
        defer { leaveNested() }
        var level = 0
        var scratch = WordBuilder()
        while index < end {
            let current = bytes[index]
            switch current {
            case Byte.openParen:
                level += 1
                index += 1
            case Byte.closeParen:
                index += 1
                if level == 0 {
                    if byte(at: index) == Byte.closeParen { index += 1 }
                    return Substitution(source: Array(bytes[start..<index]), decoder: nil)
                }
                level -= 1
            case Byte.dollar:
                lexDollar(into: &scratch, quoted: true)
            case Byte.backquote:
                lexBackquoted(into: &scratch, quoted: true)
            case Byte.singleQuote:
                lexSingleQuoted(into: &scratch)
            case Byte.doubleQuote:
                index += 1
                lexQuotedContent(into: &scratch, hereDocument: false)
            default:
                index += 1
            }
        }
        collector.report(.unbalancedSubstitution)
        return Substitution(source: Array(bytes[start..<index]), decoder: nil)
    }
}
