/// Shared state of one `analyze` call: what was found so far, the shell
/// variables the line assigned, and the work budget. One instance per call,
/// never shared across threads, so a class is the simple choice here, and
/// `@exclusivity(unchecked)` drops a runtime check per access on the hot path.
final class ShellCollector {
    /// Variables assigned on the line. A variable assigned inside a branch,
    /// loop, pipeline or subshell may or may not hold the new value, so it keeps
    /// up to `maximumCandidates` possible values and commands using it are
    /// analysed once per candidate.
    @exclusivity(unchecked) var variables: [String: [Field]] = [:]
    /// `$0`, `$1`, ... when known (inside `bash -c STRING name args`).
    @exclusivity(unchecked) var positional: [Field]?
    /// > 0 while parsing code that may not run (function bodies, case arms).
    @exclusivity(unchecked) var conditionalNesting = 0

    @exclusivity(unchecked) private(set) var commands: [SimpleCommand] = []
    @exclusivity(unchecked) private(set) var pipelines: [[Int]] = []
    @exclusivity(unchecked) private(set) var problems: [ShellProblem] = []
    var functionDefinitions: [String: String] = [:]
    var recursiveFunctions: Set<String> = []

    let home: String?
    let environment: [String: String]
    let maximumDepth: Int
    @exclusivity(unchecked) private var budget: Int
    @exclusivity(unchecked) private(set) var exhausted = false

    static let maximumCandidates = 4
    static let maximumValueLength = 64 * 1024
    static let maximumProblems = 64
    /// Budget charged per recorded word, so word-heavy re-parsing runs out
    /// sooner than its byte count alone would say.
    static let costPerWord = 8

    init(home: String?, environment: [String: String], maximumDepth: Int, budget: Int) {
        self.home = home
        self.environment = environment
        self.maximumDepth = maximumDepth
        self.budget = budget
        commands.reserveCapacity(8)
        pipelines.reserveCapacity(8)
    }

    /// > 0 while re-parsing text that holds unresolved markers.
    @exclusivity(unchecked) var approximateParses = 0

    func report(_ problem: ShellProblem) {
        if approximateParses > 0, problem.isSyntaxError { return }
        guard problems.count < ShellCollector.maximumProblems, !problems.contains(problem) else { return }
        problems.append(problem)
    }

    /// Spends analysis work; once the budget is gone every parser stops.
    func charge(_ amount: Int) {
        budget -= amount
        if budget < 0, !exhausted {
            exhausted = true
            report(.analysisLimitExceeded)
        }
    }

    /// Records a command; `inputUnresolved` says its here-document or
    /// here-string holds unknown expansions (so its output is not known).
    func append(_ command: SimpleCommand, inputUnresolved: Bool) -> Int {
        commands.append(command)
        if inputUnresolved { unresolvedInputs.insert(commands.count - 1) }
        return commands.count - 1
    }

    @exclusivity(unchecked) private var unresolvedInputs: Set<Int> = []

    var pipelineCount: Int { pipelines.count }
    var commandCount: Int { commands.count }

    struct Produced {
        var decoder: String?
        var output: [UInt8]?
    }

    /// What a substitution's commands produce: the decoder feeding its last
    /// pipeline, and the exact output when it is one fixed producer
    /// (`echo`, `printf`, `cat` of a here-document) and nothing else ran.
    func produced(by pipeline: [Int]?, pipelinesBefore: Int) -> Produced {
        var produced = Produced(decoder: decoder(in: pipeline))
        guard let pipeline, pipeline.count == 1, pipelines.count == pipelinesBefore + 1 else { return produced }
        let command = commands[pipeline[0]]
        guard !command.hasUnresolvedExpansion, !unresolvedInputs.contains(pipeline[0]),
              var output = ShellPrograms.knownOutput(command)
        else { return produced }
        // Shells disagree on backslashes in `echo`; only plain text is certain.
        if command.program == "echo", output.contains(Byte.backslash) { return produced }
        while output.last == Byte.newline { output.removeLast() }
        produced.output = output
        return produced
    }

    func command(at index: Int) -> SimpleCommand { commands[index] }

    func appendPipeline(_ indices: [Int]) {
        pipelines.append(indices)
    }

    /// The first decoder among a pipeline's stages, used to mark a
    /// substitution whose output is decoded text.
    func decoder(in pipeline: [Int]?) -> String? {
        guard let pipeline else { return nil }
        for index in pipeline {
            if let name = ShellPrograms.decoderName(commands[index]) { return name }
        }
        return nil
    }

    // MARK: Variables

    struct Scope {
        var variables: [String: [Field]]
        var positional: [Field]?
    }

    func saveScope() -> Scope { Scope(variables: variables, positional: positional) }

    func restoreScope(_ scope: Scope) {
        variables = scope.variables
        positional = scope.positional
    }

    /// Candidate values of a variable, nil when unknown.
    func candidates(of name: String) -> [Field]? {
        if let values = variables[name] { return values }
        if name == "HOME", let home { return [Field(home)] }
        if let value = environment[name] { return [Field(value)] }
        if name == "IFS" { return [Field(" \t\n")] }
        return nil
    }

    /// Records an assignment. Unconditional assignments replace the value;
    /// conditional ones add candidates next to the previous value.
    func assign(_ name: String, values: [Field], conditional: Bool) {
        guard !values.isEmpty else { return }
        guard conditional else {
            variables[name] = Array(values.prefix(ShellCollector.maximumCandidates))
            return
        }
        var all = candidates(of: name) ?? [unknownValue(name)]
        for value in values where !all.contains(where: { $0.bytes == value.bytes }) {
            all.append(value)
        }
        if all.count > ShellCollector.maximumCandidates {
            all = [all[0]] + all.suffix(ShellCollector.maximumCandidates - 1)
        }
        variables[name] = all
    }

    /// The marker an unknown variable expands to.
    func unknownValue(_ name: String) -> Field {
        Field(bytes: Array("$\(name)".utf8), isUnresolved: true)
    }
}
