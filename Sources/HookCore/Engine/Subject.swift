/// One thing a policy is checked against. A tool call yields one or more:
/// a compound shell command yields one per simple command, plus a file subject
/// for every path it reads or writes, so file rules govern `cat ~/.ssh/id_rsa`
/// the same way they govern the Read tool.
public struct Subject: Sendable {
    public var action: PolicyAction
    /// The command text (shell), absolute path (files), URL (web) or
    /// `server/tool` (MCP).
    public var resource: String
    public var content: String
    public var tool: String
    public var host: String
    public var cwd: String
    /// The parsed simple command, for shell subjects.
    public var command: SimpleCommand?
    /// The pipeline the command belongs to, for detectors that look across `|`.
    public var pipeline: [SimpleCommand]
    /// True when the subject was derived from a shell command rather than
    /// being the tool call itself.
    public var derivedFromShell: Bool
    /// The path as the agent wrote it, before `~`, `..` and the working
    /// directory were resolved (file subjects), for traversal checks.
    public var rawPath: String = ""
    /// Functions on the command line whose body calls itself (fork bombs).
    public var recursiveFunctions: [String] = []
    /// The tool's input as received, for detectors that walk arguments (MCP SQL).
    public var input: JSONValue = .null

    public init(
        action: PolicyAction, resource: String, content: String = "", tool: String, host: String, cwd: String,
        command: SimpleCommand? = nil, pipeline: [SimpleCommand] = [], derivedFromShell: Bool = false
    ) {
        self.action = action
        self.resource = resource
        self.content = content
        self.tool = tool
        self.host = host
        self.cwd = cwd
        self.command = command
        self.pipeline = pipeline
        self.derivedFromShell = derivedFromShell
    }

    func value(of field: ConditionField) -> String {
        switch field {
        case .resource: resource
        case .tool: tool
        case .host: host
        case .cwd: cwd
        case .content: content
        }
    }
}

/// Builds the subjects of a tool call.
public struct SubjectBuilder: Sendable {
    public var home: String?
    public var analyzer: ShellAnalyzer

    public init(home: String?) {
        self.home = home
        self.analyzer = ShellAnalyzer(home: home)
    }

    public struct Result: Sendable {
        public var subjects: [Subject]
        public var shellProblems: [ShellProblem]
    }

    public func subjects(for call: ToolCall) -> Result {
        let cwd = call.cwd ?? ""
        let resolver = PathResolver(home: home, cwd: call.cwd)
        let host = call.host.rawValue
        func make(_ action: PolicyAction, _ resource: String, content: String = "") -> Subject {
            var subject = Subject(action: action, resource: resource, content: content, tool: call.toolName, host: host, cwd: cwd)
            subject.input = call.input
            return subject
        }
        switch call.kind {
        case .shell:
            let text = call.command ?? ""
            let analysis = analyzer.analyze(text)
            let recursive = analysis.functionDefinitions.isEmpty ? [] : analysis.recursiveFunctions
            var subjects: [Subject] = []
            for pipeline in analysis.pipelines {
                for command in pipeline {
                    var subject = make(.executeShell, command.text, content: text)
                    subject.command = command
                    subject.pipeline = pipeline
                    subject.recursiveFunctions = recursive
                    subjects.append(subject)
                    for operand in command.operands where SubjectBuilder.looksLikePath(operand) {
                        var file = make(.readFile, resolver.resolve(operand))
                        file.derivedFromShell = true
                        file.rawPath = operand
                        file.command = command
                        subjects.append(file)
                    }
                    for redirection in command.redirections {
                        let writes = redirection.op.contains(">")
                        var file = make(writes ? .writeFile : .readFile, resolver.resolve(redirection.target))
                        file.derivedFromShell = true
                        file.rawPath = redirection.target
                        file.command = command
                        subjects.append(file)
                    }
                }
            }
            if subjects.isEmpty {
                subjects.append(make(.executeShell, text, content: text))
            } else if subjects.count > 1 || subjects[0].resource != text {
                // The command as written, too: rules in the MeshGuard style
                // (`contains: "sudo "`) look at the raw text. It never gets the
                // default effect: the simple commands above do.
                var whole = make(.executeShell, text, content: text)
                whole.derivedFromShell = true
                subjects.append(whole)
            }
            return Result(subjects: subjects, shellProblems: analysis.problems)
        case .write, .edit:
            let path = call.path.map(resolver.resolve) ?? ""
            var subject = make(.writeFile, path, content: call.content ?? "")
            subject.rawPath = call.path ?? ""
            return Result(subjects: [subject], shellProblems: [])
        case .read:
            var subject = make(.readFile, call.path.map(resolver.resolve) ?? "")
            subject.rawPath = call.path ?? ""
            return Result(subjects: [subject], shellProblems: [])
        case .mcp:
            let resource = (call.mcpServer ?? "") + "/" + (call.mcpTool ?? call.toolName)
            return Result(subjects: [make(.invokeMCP, resource, content: call.input.jsonText)], shellProblems: [])
        case .web:
            // Hosts name their search tool "...Search"/"web_search"; the rest fetch a URL.
            let action: PolicyAction = call.toolName.lowercased().contains("search") ? .readWebSearch : .readWebFetch
            return Result(subjects: [make(action, call.url ?? "", content: call.input.jsonText)], shellProblems: [])
        case .other:
            return Result(subjects: [make(.other, call.toolName, content: call.input.jsonText)], shellProblems: [])
        }
    }

    /// Operands that could name a file. Plain words are included because a
    /// relative name (`id_rsa` inside `~/.ssh`) is still a path; flags are not.
    static func looksLikePath(_ operand: String) -> Bool {
        !operand.isEmpty && !operand.hasPrefix("-") && operand.utf8.count < 4096
    }
}
