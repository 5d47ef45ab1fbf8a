/// Where a list stops: the end of its buffer, the `)` of `$(`/`<(`/a
/// function body, the `}` of a function body, or the end of a case arm.
enum ListTerminator: Equatable {
    case end, closeParen, closeBrace, caseItem
}

struct ListResult {
    enum Ending: Equatable { case end, closeParen, closeBrace(at: Int), caseBreak, esac }
    var lastPipeline: [Int]?
    var ending = Ending.end
}

/// Compound commands are handled flat: keywords act as separators and only
/// their nesting is counted, so `if x; then rm -rf /; fi` yields `rm` without
/// a full grammar and without recursion.
struct ListState {
    var openParens = 0
    var openBraces = 0
    var openIfs = 0
    var openLoops = 0
    var afterAndOr = false
    /// Set when something that records no command may still precede an
    /// operator: a compound command closing (`}`, `fi`, `done`, `esac`, `)`,
    /// `((...))`), a function definition, a bare assignment.
    var sawCommand = false

    /// Assignments here may not take effect for the rest of the line.
    var isConditional: Bool { openParens > 0 || openIfs > 0 || openLoops > 0 || afterAndOr }
}

/// A redirection before expansion.
struct PendingRedirection {
    var op: RedirectionOperator
    var target: Word?
    /// Here-document body parts (quoted literal when the delimiter was quoted).
    var hereDocument: [WordPart]?
}

extension ShellParser {
    /// Parses commands until the terminator; returns the last pipeline at
    /// this level (to know what a substitution's output comes from).
    mutating func parseList(until terminator: ListTerminator) -> ListResult {
        var state = ListState()
        var result = ListResult()
        while true {
            state.sawCommand = false
            let stages = parsePipeline(&state, terminator)
            if !stages.isEmpty { result.lastPipeline = finishPipeline(stages) }
            let hadLeftSide = !stages.isEmpty || state.sawCommand
            switch nextToken() {
            case .end:
                reportUnclosed(state, terminator: terminator, atEnd: true)
                result.ending = .end
                return result
            case .newline, .control(.semicolon), .control(.background):
                state.afterAndOr = false
            case .control(let op) where op == .and || op == .or:
                if !hadLeftSide { collector.report(.unexpectedToken(op.text)) }
                state.afterAndOr = true
                skipNewlines()
            case .control(.close):
                if terminator == .closeParen {
                    reportUnclosed(state, terminator: terminator, atEnd: false)
                    result.ending = .closeParen
                    return result
                }
                collector.report(.unexpectedToken(")"))
            case .control(.caseBreak):
                if terminator == .caseItem {
                    result.ending = .caseBreak
                    return result
                }
                collector.report(.unexpectedToken(";;"))
            case .control(let op):
                collector.report(.unexpectedToken(op.text))
            case .word(let word):
                // parseCommand leaves a closing keyword it does not own.
                if terminator == .closeBrace, word.isPlain("}") {
                    result.ending = .closeBrace(at: word.start)
                    return result
                }
                if terminator == .caseItem, word.isPlain("esac") {
                    result.ending = .esac
                    return result
                }
                collector.report(.unexpectedToken(word.plainBytes?.string ?? "word"))
            case .redirection(let op):
                collector.report(.unexpectedToken(op.text.string))
            }
        }
    }

    private func reportUnclosed(_ state: ListState, terminator: ListTerminator, atEnd: Bool) {
        if state.openParens > 0 { collector.report(.unterminatedCompound("(")) }
        if state.openBraces > 0 { collector.report(.unterminatedCompound("{")) }
        if state.openIfs > 0 { collector.report(.unterminatedCompound("if")) }
        if state.openLoops > 0 { collector.report(.unterminatedCompound("do")) }
        guard atEnd else { return }
        switch terminator {
        case .end: break
        case .closeParen: collector.report(.unbalancedSubstitution)
        case .closeBrace: collector.report(.unterminatedCompound("{"))
        case .caseItem: collector.report(.unterminatedCompound("case"))
        }
    }

    /// One pipeline; each stage lists the command emitted once per variable
    /// candidate. A subshell's `)` continues the pipeline: `(a | b) | sh`.
    private mutating func parsePipeline(_ state: inout ListState, _ terminator: ListTerminator) -> [Variants] {
        var stages: [Variants] = []
        while true {
            let emitted = parseCommand(&state, terminator, inPipeline: !stages.isEmpty)
            if let emitted { stages.append(emitted) }
            switch peekControl() {
            case let op? where op == .pipe || op == .pipeAll:
                if emitted == nil, !state.sawCommand { collector.report(.unexpectedToken(op.text)) }
                state.sawCommand = false
                _ = nextToken()
                skipNewlines()
            case .close? where state.openParens > 0:
                _ = nextToken()
                state.openParens -= 1
                state.sawCommand = true
            default:
                return stages
            }
        }
    }

    /// Records a pipeline (once per candidate variant) and inspects it.
    private mutating func finishPipeline(_ stages: [Variants]) -> [Int] {
        var variants = 1
        for stage in stages { variants = max(variants, stage.count) }
        if variants == 1 {
            let pipeline = stages.map { $0.first }
            collector.appendPipeline(pipeline)
            inspectPipeline(pipeline)
            return pipeline
        }
        var first: [Int] = []
        for variant in 0..<variants {
            let pipeline = stages.map { $0[variant] }
            collector.appendPipeline(pipeline)
            inspectPipeline(pipeline)
            if variant == 0 { first = pipeline }
        }
        return first
    }

    /// One simple command, or the keywords and brackets around one.
    private mutating func parseCommand(_ state: inout ListState, _ terminator: ListTerminator, inPipeline: Bool) -> Variants? {
        var words: [Word] = []
        var redirections: [PendingRedirection] = []
        var commandPosition = true
        loop: while !collector.exhausted {
            // Tokens are taken, and put back when they end the command, so
            // words are moved rather than copied.
            let token = nextToken()
            switch token {
            case .word(let word):
                if commandPosition, words.isEmpty, let bytes = word.plainBytes, bytes.count <= 8,
                   let keyword = ShellParser.keyword(bytes) {
                    switch handleKeyword(keyword, &state, terminator, &words) {
                    case .stop:
                        unread(token)
                        break loop
                    case .continueInCommandPosition: continue loop
                    case .continueWithArguments:
                        commandPosition = false
                        continue loop
                    }
                }
                if commandPosition, words.isEmpty, word.isPlain("time"), timesCompoundCommand() {
                    continue loop  // `time { ...; }`: the keyword; `time cmd` stays a wrapper
                }
                if commandPosition, words.isEmpty, peekControl() == .open, !word.isAssignment {
                    parseFunctionDefinition(name: word)
                    state.sawCommand = true
                    continue loop
                }
                if words.isEmpty { words.reserveCapacity(8) }
                words.append(word)
                commandPosition = false
            case .redirection(let op):
                redirections.append(readRedirectionTarget(op))
            case .control(.open):
                guard commandPosition, words.isEmpty else {
                    collector.report(.unexpectedToken("("))
                    continue loop
                }
                if byte(at: index) == Byte.openParen, looksLikeArithmetic(from: index + 1) {
                    let start = index - 1
                    index += 1
                    _ = scanArithmetic(from: start)
                    state.sawCommand = true
                    commandPosition = false
                } else {
                    state.openParens += 1
                }
            default:
                unread(token)
                break loop
            }
        }
        return finalize(words, redirections, &state, inPipeline: inPipeline)
    }

    /// Whether the token after `time` starts a compound command.
    private mutating func timesCompoundCommand() -> Bool {
        if peekControl() == .open { return true }
        guard case .word(let next)? = lookahead, let bytes = next.plainBytes else { return false }
        return ShellParser.keyword(bytes) != nil
    }

    private enum KeywordOutcome { case stop, continueInCommandPosition, continueWithArguments }

    /// The reserved word a plain word spells, if any (checked by first byte
    /// so ordinary words cost no string work).
    private static func keyword(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let first = bytes.first else { return nil }
        let candidates: [String]
        switch first {
        case Byte.openBrace: candidates = ["{"]
        case Byte.closeBrace: candidates = ["}"]
        case Byte.bang: candidates = ["!"]
        case Byte.openBracket: candidates = ["[["]
        case UInt8(ascii: "i"): candidates = ["if"]
        case UInt8(ascii: "t"): candidates = ["then"]
        case UInt8(ascii: "e"): candidates = ["else", "elif", "esac"]
        case UInt8(ascii: "f"): candidates = ["fi", "for", "function"]
        case UInt8(ascii: "w"): candidates = ["while"]
        case UInt8(ascii: "u"): candidates = ["until"]
        case UInt8(ascii: "d"): candidates = ["do", "done"]
        case UInt8(ascii: "s"): candidates = ["select"]
        case UInt8(ascii: "c"): candidates = ["case", "coproc"]
        default: return nil
        }
        return candidates.first { $0.utf8.elementsEqual(bytes) }
    }

    private mutating func handleKeyword(
        _ keyword: String, _ state: inout ListState, _ terminator: ListTerminator, _ words: inout [Word]
    ) -> KeywordOutcome {
        switch keyword {
        case "}" where state.openBraces == 0 && terminator == .closeBrace,
             "esac" where terminator == .caseItem:
            return .stop
        default:
            break
        }
        switch keyword {
        case "if":
            state.openIfs += 1
        case "while", "until":
            state.openLoops += 1
        case "fi":
            if state.openIfs > 0 { state.openIfs -= 1 } else { collector.report(.unexpectedToken("fi")) }
            state.sawCommand = true
        case "done":
            if state.openLoops > 0 { state.openLoops -= 1 } else { collector.report(.unexpectedToken("done")) }
            state.sawCommand = true
        case "{":
            state.openBraces += 1
        case "}":
            if state.openBraces > 0 { state.openBraces -= 1 } else { collector.report(.unexpectedToken("}")) }
            state.sawCommand = true
        case "esac":
            collector.report(.unexpectedToken("esac"))
        case "for", "select":
            state.openLoops += 1
            parseForHeader()
        case "case":
            parseCase()
            state.sawCommand = true
        case "[[":
            words = parseConditionalExpression()
            return .continueWithArguments
        case "function":
            guard case .word(let name) = peekToken() else {
                collector.report(.unexpectedToken("function"))
                return .continueInCommandPosition
            }
            _ = nextToken()
            parseFunctionDefinition(name: name)
            state.sawCommand = true
        default:
            break  // then, else, elif, do, !, coproc: the next word starts a command
        }
        return .continueInCommandPosition
    }
}
