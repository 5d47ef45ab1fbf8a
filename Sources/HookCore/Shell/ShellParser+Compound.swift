/// The parts of compound commands that are not plain separators: loop
/// headers, case patterns, `[[ ]]` and function definitions.
extension ShellParser {
    /// `for NAME [in WORDS]` or `for ((...))`; the `do` after it is a keyword.
    /// The loop variable takes the listed values, so `for f in -rf; do rm $f /`
    /// is analysed as `rm -rf /`.
    mutating func parseForHeader() {
        switch peekToken() {
        case .control(.open):
            _ = nextToken()
            if byte(at: index) == Byte.openParen {
                let start = index - 1
                index += 1
                _ = scanArithmetic(from: start)
            } else {
                collector.report(.unexpectedToken("("))
            }
        case .word(let nameWord):
            _ = nextToken()
            skipNewlines()
            var values: [Field] = []
            var hasList = false
            if case .word(let keyword) = peekToken(), keyword.isPlain("in") {
                _ = nextToken()
                hasList = true
                while case .word(let item) = peekToken() {
                    _ = nextToken()
                    values.append(contentsOf: expandFields(item))
                }
            }
            guard let nameBytes = nameWord.plainBytes, Byte.isName(nameBytes) else { return }
            let name = nameBytes.string
            if !hasList || values.isEmpty {
                collector.assign(name, values: [collector.unknownValue(name)], conditional: false)
            } else if values.count > ShellCollector.maximumCandidates {
                // Too many to try each: keep some, and a marker that says "more".
                let kept = Array(values.prefix(ShellCollector.maximumCandidates - 1)) + [collector.unknownValue(name)]
                collector.assign(name, values: kept, conditional: false)
            } else {
                collector.assign(name, values: values, conditional: false)
            }
        default:
            collector.report(.unexpectedToken("for"))
        }
    }

    /// `case WORD in [(]PATTERN[|PATTERN]...) LIST ;; ... esac`. Patterns are
    /// skipped (their `)` is not a subshell end); each arm is a list.
    mutating func parseCase() {
        guard case .word = peekToken() else {
            collector.report(.unexpectedToken("case"))
            return
        }
        _ = nextToken()
        skipNewlines()
        guard case .word(let keyword) = peekToken(), keyword.isPlain("in") else {
            collector.report(.unexpectedToken("case"))
            return
        }
        _ = nextToken()
        guard enterNested() else { return }
        collector.conditionalNesting += 1
        defer {
            collector.conditionalNesting -= 1
            leaveNested()
        }
        while !collector.exhausted {
            skipNewlines()
            switch peekToken() {
            case .word(let word) where word.isPlain("esac"):
                _ = nextToken()
                return
            case .control(.open):
                _ = nextToken()
            default:
                break
            }
            patterns: while true {
                switch nextToken() {
                case .word, .control(.pipe):
                    continue
                case .control(.close):
                    break patterns
                case .end:
                    collector.report(.unterminatedCompound("case"))
                    return
                default:
                    collector.report(.unexpectedToken("case pattern"))
                    return
                }
            }
            if parseList(until: .caseItem).ending != .caseBreak { return }
        }
    }

    /// `[[ ... ]]`: a test, not commands; its words (with operators as text)
    /// become the arguments of a `[[` command. Substitutions inside were
    /// already analysed when lexed.
    mutating func parseConditionalExpression() -> [Word] {
        var words = [Word.synthetic("[[")]
        while true {
            switch peekToken() {
            case .word(let word):
                _ = nextToken()
                if word.isPlain("]]") { return words }
                words.append(word)
            case .newline:
                _ = nextToken()
            case .control(let op) where op == .and || op == .or || op == .open || op == .close || op == .pipe:
                _ = nextToken()
                words.append(.synthetic(op.text))
            case .redirection(let op) where op.kind == .normal:
                _ = nextToken()
                words.append(.synthetic(op.text.string))
            default:
                collector.report(.unterminatedCompound("[["))
                return words
            }
        }
    }

    /// `name() BODY` or `function name [()] BODY`. The body's commands are
    /// analysed (as code that may run) and its text is recorded by name.
    mutating func parseFunctionDefinition(name: Word) {
        let nameText = name.plainBytes?.string ?? expandJoined(name.parts).string
        if case .control(.open) = peekToken() {
            _ = nextToken()
            guard case .control(.close) = peekToken() else {
                collector.report(.unexpectedToken("("))
                return
            }
            _ = nextToken()
        }
        skipNewlines()
        var body: ArraySlice<UInt8> = []
        let firstBodyCommand = collector.commandCount
        switch peekToken() {
        case .word(let open) where open.isPlain("{"):
            // Past the depth limit the `{` is left to be parsed as a plain group.
            guard enterNested() else { break }
            _ = nextToken()
            let result = parseFunctionBody(until: .closeBrace)
            leaveNested()
            var bodyEnd = index
            if case .closeBrace(let position) = result.ending { bodyEnd = position }
            body = bytes[open.end..<max(open.end, bodyEnd)]
        case .control(.open):
            guard enterNested() else { break }
            _ = nextToken()
            let bodyStart = index
            _ = parseFunctionBody(until: .closeParen)
            leaveNested()
            body = bytes[bodyStart..<max(bodyStart, index - 1)]
        default:
            break  // another compound command: analysed in place by the caller
        }
        collector.functionDefinitions[nameText] = ShellParser.trimmed(body).string
        for index in firstBodyCommand..<collector.commandCount where collector.command(at: index).program == nameText {
            collector.recursiveFunctions.insert(nameText)
            break
        }
    }

    /// A function body runs only when called, with its own `$1`...: its
    /// assignments are conditional and do not leak.
    private mutating func parseFunctionBody(until terminator: ListTerminator) -> ListResult {
        let scope = collector.saveScope()
        collector.positional = nil
        collector.conditionalNesting += 1
        let result = parseList(until: terminator)
        collector.conditionalNesting -= 1
        collector.restoreScope(scope)
        return result
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { Byte.isBlank(byte) || byte == Byte.newline }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }
}
