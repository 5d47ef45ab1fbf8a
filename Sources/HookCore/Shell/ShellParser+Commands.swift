/// A redirection after expansion, with the text it feeds to standard input
/// (here-documents and here-strings) or its target's flags.
struct ExpandedRedirection {
    var redirection: Redirection
    var input: Field?
    /// True for `<<`, `<<-` and `<<<`: `input` is the text itself.
    var isText: Bool
}

/// The commands one simple command became: one per candidate value of the
/// multi-valued variables it uses (almost always just one).
struct Variants: Equatable {
    var first: Int
    var others: [Int] = []

    var count: Int { 1 + others.count }

    /// The index for a variant; past the last, the last one.
    subscript(variant: Int) -> Int {
        variant == 0 || others.isEmpty ? first : others[min(variant, others.count) - 1]
    }
}

/// Turning parsed words into `SimpleCommand`s: assignments, expansion (once
/// per candidate of multi-valued variables), wrapper removal.
extension ShellParser {
    mutating func finalize(
        _ words: [Word], _ redirections: [PendingRedirection], _ state: inout ListState, inPipeline: Bool
    ) -> Variants? {
        guard !words.isEmpty || !redirections.isEmpty else { return nil }
        var conditional = state.isConditional || collector.conditionalNesting > 0 || inPipeline
        switch peekControl() {
        case .pipe?, .pipeAll?, .background?: conditional = true
        default: break
        }
        let assignmentCount = words.prefix { $0.isAssignment }.count
        let commandWords = words[assignmentCount...]
        if commandWords.isEmpty {
            // `F=-rf` alone sets a shell variable for the rest of the line.
            state.sawCommand = true
            for word in words { applyAssignment(word, conditional: conditional) }
            if redirections.isEmpty { return nil }
        }
        var emitted: Variants?
        var variantCount = 1
        variant = 0
        while variant < variantCount, !collector.exhausted {
            candidatesSeen = 1
            var assignments: [(String, Field)] = []
            if !commandWords.isEmpty {
                for word in words.prefix(assignmentCount) {
                    if let assignment = word.assignment { assignments.append((assignment.name, expandJoined(assignment.value))) }
                }
            }
            var fields: [Field] = []
            fields.reserveCapacity(commandWords.count)
            for position in commandWords.indices { appendFields(of: commandWords[position], to: &fields) }
            let expanded = redirections.map { expandRedirection($0) }
            variantCount = min(candidatesSeen, ShellCollector.maximumCandidates)
            if let index = emit(fields, assignments: assignments, redirections: expanded, wrappers: wrappers) {
                if emitted == nil { emitted = Variants(first: index) } else { emitted?.others.append(index) }
            }
            variant += 1
        }
        variant = 0
        candidatesSeen = 1
        if let first = commandWords.first?.plainBytes, ShellPrograms.isDeclarationBuiltin(first.string) {
            for word in commandWords.dropFirst() where word.isAssignment {
                applyAssignment(word, conditional: conditional)
            }
        }
        return emitted
    }

    /// Records `NAME=value` (every candidate value when it uses a
    /// multi-valued variable).
    mutating func applyAssignment(_ word: Word, conditional: Bool) {
        guard let assignment = word.assignment else { return }
        let name = assignment.name
        if word.isArrayAssignment {
            collector.assign(name, values: [collector.unknownValue(name)], conditional: conditional)
            return
        }
        var values: [Field] = []
        var variantCount = 1
        variant = 0
        while variant < variantCount {
            candidatesSeen = 1
            var value = expandJoined(assignment.value)
            if assignment.appends {
                var base = lookup(Array(name.utf8)) ?? Field()
                base.bytes.append(contentsOf: value.bytes)
                base.absorbFlags(of: value)
                value = base
            }
            if value.bytes.count > ShellCollector.maximumValueLength {
                collector.report(.analysisLimitExceeded)
                value = collector.unknownValue(name)
            }
            values.append(value)
            variantCount = min(candidatesSeen, ShellCollector.maximumCandidates)
            variant += 1
        }
        variant = 0
        candidatesSeen = 1
        // `IFS=$'\n\t'` (strict mode) is routine; separators that are not
        // blanks, or unknown ones, are how words get hidden.
        if name == "IFS", values.contains(where: { $0.isUnresolved || $0.bytes.contains { !Byte.isBlank($0) && $0 != Byte.newline } }) {
            collector.report(.ifsManipulation)
        }
        collector.assign(name, values: values, conditional: conditional)
    }

    private mutating func expandRedirection(_ pending: PendingRedirection) -> ExpandedRedirection {
        let op = pending.op.text.string
        let target = pending.target.map { expandJoined($0.parts) } ?? Field()
        switch pending.op.kind {
        case .hereDocument:
            let body = expandJoined(pending.hereDocument ?? [])
            return ExpandedRedirection(
                redirection: Redirection(op: op, target: target.string, hereDocument: body.string), input: body, isText: true
            )
        case .hereString:
            var text = target
            text.bytes.append(Byte.newline)
            return ExpandedRedirection(redirection: Redirection(op: op, target: target.string), input: text, isText: true)
        case .normal:
            return ExpandedRedirection(redirection: Redirection(op: op, target: target.string), input: target, isText: false)
        }
    }

    /// Unwraps and records one command, then analyses the code it runs.
    /// Returns its index, or nil when there is nothing to record.
    mutating func emit(
        _ fields: [Field], assignments: [(String, Field)], redirections: [ExpandedRedirection], wrappers outer: [String]
    ) -> Int? {
        var wrappers = outer
        var words = fields[...]
        var environment = assignments
        var unwrapped = 0
        // The program's name and traits, computed once per candidate program.
        var program = ""
        var traits = ProgramTraits()
        while let first = words.first {
            program = first.isUnresolved ? "" : SimpleCommand.programName(fromPath: first.bytes).string
            traits = ShellPrograms.traits(of: program)
            guard traits.contains(.wrapper), unwrapped < 16,
                  let step = CommandUnwrapper.unwrap(program, arguments: words.dropFirst())
            else { break }
            wrappers.append(program)
            environment.append(contentsOf: step.assignments)
            words = step.command
            unwrapped += 1
        }
        guard !words.isEmpty || !redirections.isEmpty || !environment.isEmpty else { return nil }
        collector.charge(ShellCollector.costPerWord * words.count)
        guard !collector.exhausted else { return nil }
        let programField = words.first ?? Field()
        if programField.isUnresolved || programField.hasGlob {
            collector.report(.unresolvedExpansionInProgram(programField.string))
        }
        if let decoder = programField.decoder {
            collector.report(.decoderPipedToShell(decoder: decoder, shell: "the command line"))
        }
        var assignmentMap: [String: String] = [:]
        for (name, value) in environment { assignmentMap[name] = value.string }
        let programPath = programField.string
        if programField.isUnresolved {
            // A substitution's source is no path: its `/`s say nothing about the name.
            let isSubstitution = programField.bytes.contains { $0 == Byte.openParen || $0 == Byte.backquote }
            program = isSubstitution ? programPath : SimpleCommand.programName(fromPath: programField.bytes).string
        } else if programField.bytes.count == programPath.utf8.count, !programField.bytes.contains(Byte.slash) {
            program = programPath  // shares the string instead of building it twice
        }
        let command = SimpleCommand(
            program: program,
            programPath: programPath,
            arguments: words.dropFirst().map { $0.string },
            assignments: assignmentMap,
            redirections: redirections.map { $0.redirection },
            wrappers: wrappers,
            hasUnresolvedExpansion: words.contains { $0.isUnresolved }
                || redirections.contains { !$0.isText && $0.input?.isUnresolved == true }
        )
        let index = collector.append(command, inputUnresolved: redirections.contains { $0.isText && $0.input?.isUnresolved == true })
        if !traits.isEmpty {
            analyseCodeRun(by: command, traits: traits, arguments: words.dropFirst(), environment: environment, redirections: redirections)
        }
        return index
    }
}
