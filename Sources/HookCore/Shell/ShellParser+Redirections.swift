/// Redirection targets and here-documents.
///
/// A here-document body starts on the line after its operator, which the
/// token stream reaches only later. The body is read ahead when the operator
/// is seen, and `hereDocumentSkip` makes the lexer jump over it once the
/// newline that ends the operator's line is consumed.
extension ShellParser {
    mutating func readRedirectionTarget(_ op: RedirectionOperator) -> PendingRedirection {
        guard case .word(let target) = peekToken() else {
            collector.report(.unexpectedToken(op.text.string))
            return PendingRedirection(op: op, target: nil, hereDocument: nil)
        }
        _ = nextToken()
        guard case .hereDocument(let stripTabs) = op.kind else {
            return PendingRedirection(op: op, target: target, hereDocument: nil)
        }
        var delimiter: [UInt8] = []
        var quotedDelimiter = false
        for part in target.parts {
            switch part {
            case .literal(let bytes, let quoted):
                delimiter.append(contentsOf: bytes)
                if quoted { quotedDelimiter = true }
            case .tilde(let user):
                delimiter.append(Byte.tilde)
                delimiter.append(contentsOf: user)
            case .parameter(let reference, _):
                delimiter.append(contentsOf: reference.source)
            case .substitution(let substitution, _):
                delimiter.append(contentsOf: substitution.source)
            }
        }
        let body = captureHereDocument(delimiter: delimiter, stripTabs: stripTabs)
        let parts = quotedDelimiter ? [WordPart.literal(body, quoted: true)] : lexHereDocumentBody(body)
        return PendingRedirection(op: op, target: target, hereDocument: parts)
    }

    /// Reads the body lines up to the delimiter line, starting after the
    /// current line (or after the bodies already queued for it).
    private mutating func captureHereDocument(delimiter: [UInt8], stripTabs: Bool) -> [UInt8] {
        let bodyStart = hereDocumentSkip?.to ?? min(lineEnd(from: index) + 1, end)
        var body: [UInt8] = []
        var lineStart = bodyStart
        var resume = end
        var found = false
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != Byte.newline { lineEnd += 1 }
            var contentStart = lineStart
            if stripTabs {
                while contentStart < lineEnd, bytes[contentStart] == Byte.tab { contentStart += 1 }
            }
            if bytes[contentStart..<lineEnd].elementsEqual(delimiter) {
                resume = min(lineEnd + 1, end)
                found = true
                break
            }
            body.append(contentsOf: bytes[contentStart..<min(lineEnd + 1, end)])
            lineStart = lineEnd + 1
        }
        if !found { collector.report(.unterminatedHereDocument(delimiter: delimiter.string)) }
        hereDocumentSkip = (from: hereDocumentSkip?.from ?? bodyStart, to: resume)
        return body
    }

    /// Where the current line ends, skipping quoted newlines, continuations
    /// and comments the way the lexer will.
    private func lineEnd(from start: Int) -> Int {
        var position = start
        while position < end {
            switch bytes[position] {
            case Byte.newline:
                return position
            case Byte.backslash:
                position += 2
            case Byte.singleQuote:
                position += 1
                while position < end, bytes[position] != Byte.singleQuote { position += 1 }
                position += 1
            case Byte.doubleQuote:
                position += 1
                while position < end, bytes[position] != Byte.doubleQuote {
                    position += bytes[position] == Byte.backslash ? 2 : 1
                }
                position += 1
            case Byte.hash where position == start || Byte.isBlank(bytes[position - 1]):
                while position < end, bytes[position] != Byte.newline { position += 1 }
                return min(position, end)
            default:
                position += 1
            }
        }
        return end
    }

    /// An unquoted delimiter leaves `$`, backticks and `\` live in the body.
    private mutating func lexHereDocumentBody(_ body: [UInt8]) -> [WordPart] {
        guard depth < collector.maximumDepth else {
            collector.report(.depthLimitExceeded)
            return [.literal(body, quoted: true)]
        }
        collector.charge(body.count)
        var parser = ShellParser(bytes: body, collector: collector, depth: depth + 1, wrappers: wrappers)
        var word = WordBuilder()
        parser.lexQuotedContent(into: &word, hereDocument: true)
        return word.finish()
    }
}
