/// Code a command runs: `bash -c STRING`, `eval`, here-documents fed to a
/// shell, `echo ... | sh`, `find -exec`, plus the decoder-to-shell check.
extension ShellParser {
    enum NestedScope {
        /// `eval`, `source`: the same shell, so assignments persist.
        case shared
        /// `$(...)`, backticks: a copy of the variables; changes are lost.
        case subshell
        /// `bash -c`: a new shell with its own `$0`, `$1`... and environment.
        case child(positional: [Field]?, environment: [(String, Field)])
    }

    /// Parses `source` as shell code one level deeper. Returns what is known
    /// about its output (for backquoted substitutions). `approximate` says the
    /// text holds unresolved markers standing in for unknown values: its
    /// syntax errors are artefacts of the stand-ins, not of the command.
    @discardableResult
    mutating func parseNested(
        _ source: [UInt8], wrappers: [String], scope: NestedScope, approximate: Bool = false
    ) -> ShellCollector.Produced {
        guard depth < collector.maximumDepth else {
            collector.report(.depthLimitExceeded)
            return ShellCollector.Produced()
        }
        if approximate { collector.approximateParses += 1 }
        defer { if approximate { collector.approximateParses -= 1 } }
        collector.charge(source.count)
        var parser = ShellParser(bytes: source, collector: collector, depth: depth + 1, wrappers: wrappers)
        let saved = collector.saveScope()
        if case .child(let positional, let environment) = scope {
            collector.positional = positional
            for (name, value) in environment { collector.variables[name] = [value] }
        }
        let pipelinesBefore = collector.pipelineCount
        let result = parser.parseList(until: .end)
        if case .shared = scope {} else { collector.restoreScope(saved) }
        return collector.produced(by: result.lastPipeline, pipelinesBefore: pipelinesBefore)
    }

    mutating func analyseCodeRun(
        by command: SimpleCommand, traits: ProgramTraits, arguments: ArraySlice<Field>, environment: [(String, Field)],
        redirections: [ExpandedRedirection]
    ) {
        let program = command.program
        if !traits.isDisjoint(with: [.shell, .interpreter, .codeRunner]) {
            reportDecodedInput(program, arguments, redirections)
        }
        let inner = command.wrappers + [program]
        switch program {
        case _ where traits.contains(.shell):
            let invocation = ShellInvocation(command.arguments)
            if let index = invocation.commandStringIndex {
                let fields = Array(arguments)
                let positional = Array(fields[(index + 1)...])
                parseNested(
                    Array(fields[index].bytes), wrappers: inner, scope: .child(positional: positional, environment: environment),
                    approximate: fields[index].isUnresolved
                )
            } else if invocation.readsStandardInput {
                parseStandardInputText(redirections, wrappers: inner, scope: .child(positional: nil, environment: environment))
            }
        case "source", ".":
            if ShellPrograms.standardInputCodeReader(command) != nil {
                parseStandardInputText(redirections, wrappers: inner, scope: .shared)
            }
        case "eval":
            // `eval "$(ssh-agent -s)"`: a known generator's output; its command is analysed on its own.
            if arguments.count == 1, let only = arguments.first, EnvironmentGenerators.isGeneratorSubstitution(Array(only.bytes)) {
                break
            }
            var script: [UInt8] = []
            for (offset, field) in arguments.enumerated() {
                if offset > 0 { script.append(Byte.space) }
                script.append(contentsOf: field.bytes)
            }
            parseNested(script, wrappers: inner, scope: .shared, approximate: arguments.contains { $0.isUnresolved })
        case "trap":
            // `trap 'rm -rf /' EXIT`: the action runs later in this shell.
            if let action = arguments.first, action.bytes.first != Byte.dash {
                parseNested(Array(action.bytes), wrappers: inner, scope: .shared, approximate: action.isUnresolved)
            }
        case "su", "runuser":
            if let script = ShellParser.suCommandString(arguments) {
                parseNested(
                    Array(script.bytes), wrappers: inner, scope: .child(positional: nil, environment: []),
                    approximate: script.isUnresolved
                )
            }
        case "watch":
            if let script = ShellParser.watchCommand(arguments) {
                parseNested(
                    script, wrappers: inner, scope: .child(positional: nil, environment: []),
                    approximate: arguments.contains { $0.isUnresolved }
                )
            }
        case "find", "fd", "fdfind":
            for segment in ShellParser.execSegments(program, arguments) {
                guard enterNested() else { break }
                if let index = emit(Array(segment), assignments: [], redirections: [], wrappers: inner) {
                    collector.appendPipeline([index])
                }
                leaveNested()
            }
        case "unset":
            for name in command.operands where Byte.isName(name.utf8) {
                collector.assign(name, values: [collector.unknownValue(name)], conditional: false)
            }
        case "read":
            for name in ShellParser.readVariables(command.arguments) {
                collector.assign(name, values: [collector.unknownValue(name)], conditional: false)
            }
        default:
            break
        }
    }

    /// Decoded text handed to an interpreter as an argument (`bash -c
    /// "$(... | base64 -d)"`, `bash <(... | base64 -d)`) or on stdin.
    private func reportDecodedInput(_ program: String, _ arguments: ArraySlice<Field>, _ redirections: [ExpandedRedirection]) {
        if let decoder = arguments.first(where: { $0.decoder != nil })?.decoder {
            collector.report(.decoderPipedToShell(decoder: decoder, shell: program))
        }
        for redirection in redirections where ShellPrograms.redirectsStandardInput(redirection.redirection) {
            if let decoder = redirection.input?.decoder {
                collector.report(.decoderPipedToShell(decoder: decoder, shell: program))
            }
        }
    }

    private mutating func parseStandardInputText(_ redirections: [ExpandedRedirection], wrappers: [String], scope: NestedScope) {
        guard let last = redirections.last(where: { ShellPrograms.redirectsStandardInput($0.redirection) }),
              last.isText, let text = last.input
        else { return }
        parseNested(Array(text.bytes), wrappers: wrappers, scope: scope, approximate: text.isUnresolved)
    }

    /// A pipeline whose later stage runs code from stdin: flag decoders
    /// upstream, and analyse the text when an `echo`/`printf`/here-document
    /// produces it.
    mutating func inspectPipeline(_ pipeline: [Int]) {
        guard pipeline.count > 1 else { return }
        for position in 1..<pipeline.count {
            let sink = collector.command(at: pipeline[position])
            guard !sink.redirections.contains(where: ShellPrograms.redirectsStandardInput) else { continue }
            var reader = ShellPrograms.standardInputCodeReader(sink)
            if reader == nil, sink.wrappers.last == "xargs",
               !ShellPrograms.traits(of: sink.program).isDisjoint(with: [.shell, .interpreter, .codeRunner]) {
                // `... | xargs bash -c`: the input becomes the code's arguments.
                reader = .interpreter
            }
            guard let reader else { continue }
            for earlier in pipeline[..<position] {
                if let decoder = ShellPrograms.decoderName(collector.command(at: earlier)) {
                    collector.report(.decoderPipedToShell(decoder: decoder, shell: sink.program))
                    break
                }
            }
            guard reader == .shell else { continue }
            var source = position - 1
            while source > 0, ShellPrograms.passesInputThrough(collector.command(at: pipeline[source])) { source -= 1 }
            let producer = collector.command(at: pipeline[source])
            if let text = ShellPrograms.knownOutput(producer) {
                parseNested(
                    text, wrappers: sink.wrappers + [sink.program], scope: .child(positional: nil, environment: []),
                    approximate: producer.hasUnresolvedExpansion
                )
            }
        }
    }

    // MARK: Argument conventions of code-running programs

    /// The commands `find -exec CMD ;` / `-execdir` / `-ok` / `-okdir`, and
    /// `fd -x CMD` / `--exec` / `-X` / `--exec-batch`, run.
    static func execSegments(_ program: String, _ arguments: ArraySlice<Field>) -> [ArraySlice<Field>] {
        let startOptions: Set<String> = program == "find"
            ? ["-exec", "-execdir", "-ok", "-okdir"]
            : ["-x", "--exec", "-X", "--exec-batch"]
        var segments: [ArraySlice<Field>] = []
        var position = arguments.startIndex
        while position < arguments.endIndex {
            guard startOptions.contains(arguments[position].string) else {
                position += 1
                continue
            }
            let start = position + 1
            var stop = start
            while stop < arguments.endIndex {
                let bytes = arguments[stop].bytes
                if bytes.elementsEqual([Byte.semicolon]) || (program == "find" && bytes.elementsEqual([Byte.plus])) { break }
                stop += 1
            }
            if stop > start { segments.append(arguments[start..<stop]) }
            position = stop + 1
        }
        return segments
    }

    /// `su -c CMD`, `su --command=CMD`, `runuser -c CMD`.
    static func suCommandString(_ arguments: ArraySlice<Field>) -> Field? {
        var position = arguments.startIndex
        while position < arguments.endIndex {
            let text = arguments[position].string
            if text == "-c" || text == "--command" || text == "--session-command" {
                return position + 1 < arguments.endIndex ? arguments[position + 1] : nil
            }
            if text.hasPrefix("--command=") || text.hasPrefix("--session-command=") {
                return Field(String(text.drop { $0 != "=" }.dropFirst()))
            }
            if text.hasPrefix("-c"), !text.hasPrefix("--") {
                return Field(String(text.dropFirst(2)))
            }
            position += 1
        }
        return nil
    }

    /// `watch [options] COMMAND...`: the rest, joined, runs through `sh -c`.
    static func watchCommand(_ arguments: ArraySlice<Field>) -> [UInt8]? {
        var position = arguments.startIndex
        while position < arguments.endIndex {
            let text = arguments[position].string
            if text == "--" {
                position += 1
                break
            }
            guard text.hasPrefix("-"), text.count > 1 else { break }
            position += text == "-n" || text == "--interval" ? 2 : 1
        }
        guard position < arguments.endIndex else { return nil }
        var script: [UInt8] = []
        for field in arguments[position...] {
            if !script.isEmpty { script.append(Byte.space) }
            script.append(contentsOf: field.bytes)
        }
        return script
    }

    /// Variable names `read` assigns (their values come from input: unknown).
    static func readVariables(_ arguments: [String]) -> [String] {
        var names: [String] = []
        var position = 0
        while position < arguments.count {
            let argument = arguments[position]
            if argument.hasPrefix("-"), argument.count > 1 {
                let last = argument.utf8.last.map { Character(Unicode.Scalar($0)) }
                position += argument.count == 2 && "adinNptu".contains(last ?? " ") ? 2 : 1
                continue
            }
            if Byte.isName(argument.utf8) { names.append(argument) }
            position += 1
        }
        return names.isEmpty ? ["REPLY"] : names
    }
}
