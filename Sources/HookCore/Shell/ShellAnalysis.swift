/// What the shell analyzer found in one command line. Policy rules match
/// these parsed commands, never the raw string.
public struct ShellAnalysis: Sendable, Equatable {
    /// Every simple command the line can run, flattened: the ones inside
    /// `$(...)`, backticks, `<(...)`, `bash -c` strings, `eval`, here-documents
    /// fed to a shell, `find -exec` and wrapper targets included.
    public var commands: [SimpleCommand]
    /// Each pipeline (`a | b | c`) as a group, in order; a lone command is a
    /// pipeline of one.
    public var pipelines: [[SimpleCommand]]
    /// What could not be parsed or looks like an evasion trick.
    public var problems: [ShellProblem]
    /// Functions defined on the line, name -> body text, so a rule can spot a
    /// function that calls itself (the fork bomb `:(){ :|:& };:`).
    public var functionDefinitions: [String: String]
    /// Functions whose body runs the function itself (by name, as a
    /// command anywhere inside): the shape of a fork bomb.
    public var recursiveFunctions: [String]

    public init(
        commands: [SimpleCommand] = [],
        pipelines: [[SimpleCommand]] = [],
        problems: [ShellProblem] = [],
        functionDefinitions: [String: String] = [:],
        recursiveFunctions: [String] = []
    ) {
        self.commands = commands
        self.pipelines = pipelines
        self.problems = problems
        self.functionDefinitions = functionDefinitions
        self.recursiveFunctions = recursiveFunctions
    }
}

/// Why a command line could not be fully trusted. Each case carries enough to
/// write a readable reason; `description` is that reason.
public enum ShellProblem: Sendable, Equatable, CustomStringConvertible {
    case unterminatedQuote
    /// `$(`, `${`, `$((`, a backtick or `<(` without its closing half.
    case unbalancedSubstitution
    /// A token the shell grammar does not allow where it stands, e.g. a stray `)`.
    case unexpectedToken(String)
    /// `if`, `(`, `{`, `case`, `[[` or a loop left open at the end of the input.
    case unterminatedCompound(String)
    case unterminatedHereDocument(delimiter: String)
    case depthLimitExceeded
    /// `$IFS` used to separate words, or `IFS` reassigned for the rest of the line.
    case ifsManipulation
    /// The command name depends on something the analyzer cannot know:
    /// an unknown variable, a command substitution's output or a glob.
    case unresolvedExpansionInProgram(String)
    /// Encoded text decoded straight into an interpreter (`base64 -d | sh`).
    case decoderPipedToShell(decoder: String, shell: String)
    /// The input was longer than the analyzer reads; only the start was analysed.
    case tooLarge
    /// Expansion or re-parsing grew past the work budget; analysis stopped early.
    case analysisLimitExceeded

    /// The command is malformed (rather than evasive or too big).
    public var isSyntaxError: Bool {
        switch self {
        case .unterminatedQuote, .unbalancedSubstitution, .unexpectedToken, .unterminatedCompound,
             .unterminatedHereDocument:
            true
        default:
            false
        }
    }

    public var description: String {
        switch self {
        case .unterminatedQuote:
            "a quote is not closed"
        case .unbalancedSubstitution:
            "a substitution ($(, ${, $((, backtick or <( ) is not closed"
        case .unexpectedToken(let token):
            "unexpected '\(token)' in the command"
        case .unterminatedCompound(let keyword):
            "'\(keyword)' is not closed"
        case .unterminatedHereDocument(let delimiter):
            "here-document is not terminated by '\(delimiter)'"
        case .depthLimitExceeded:
            "commands are nested too deeply to analyse"
        case .ifsManipulation:
            "IFS is used to hide word boundaries"
        case .unresolvedExpansionInProgram(let word):
            "the program name '\(word)' is only known when the command runs"
        case .decoderPipedToShell(let decoder, let shell):
            "decoded output of '\(decoder)' is run by '\(shell)'"
        case .tooLarge:
            "the command is too large; only its start was analysed"
        case .analysisLimitExceeded:
            "the command expands beyond the analysis budget"
        }
    }
}

/// One redirection of a simple command.
public struct Redirection: Sendable, Equatable {
    /// The operator with its file-descriptor prefix: `>`, `>>`, `<`, `2>`,
    /// `2>&`, `&>`, `<<`, `<<-`, `<<<`, `<>`, `>|`.
    public var op: String
    /// The target word, expanded (for here-documents: the delimiter).
    public var target: String
    /// The body of a here-document (`<<`, `<<-`), expanded when its delimiter
    /// was unquoted.
    public var hereDocument: String?

    public init(op: String, target: String, hereDocument: String? = nil) {
        self.op = op
        self.target = target
        self.hereDocument = hereDocument
    }

    /// True when the redirection writes to a file named by `target`
    /// (`>`, `>>`, `2>`, `&>`, `>|`, `<>`, and `>&` onto a name, not a descriptor).
    public var writesTarget: Bool {
        let core = String(decoding: Array(op.utf8).drop { $0 >= Byte.zero && $0 <= Byte.nine }, as: UTF8.self)
        switch core {
        case ">", ">>", ">|", "&>", "&>>", "<>":
            return true
        case ">&":
            return target != "-" && !target.utf8.allSatisfy { $0 >= Byte.zero && $0 <= Byte.nine }
        default:
            return false
        }
    }
}
