/// One simple command as the shell would run it: quoting removed, knowable
/// expansions done, wrappers such as `sudo` and `env` peeled off.
public struct SimpleCommand: Sendable, Equatable {
    /// Basename of the program as written after unquoting: `/bin/rm`, `"rm"`,
    /// `r''m`, `\rm` and `$'\x72\x6d'` all give `rm`. Empty for a command that
    /// is only redirections or assignments (`> /dev/sda`).
    public var program: String
    /// The program word as written after unquoting, e.g. `/bin/rm`.
    public var programPath: String
    /// Words after the program, unquoted and expanded where knowable. An
    /// unknown expansion stays as written (`$VAR`, `$(cmd)`), never empty.
    public var arguments: [String]
    /// Leading `NAME=value` words, plus those given to `env` / `sudo`.
    public var assignments: [String: String]
    public var redirections: [Redirection]
    /// Wrappers removed to reach this command, outermost first, e.g.
    /// `["sudo", "env"]`; also `bash`, `eval`, `find`, `xargs` for commands
    /// they run.
    public var wrappers: [String]
    /// True when some word still holds an expansion the analyzer could not
    /// resolve (an unknown variable, a substitution's output, a glob).
    public var hasUnresolvedExpansion: Bool

    public init(
        programPath: String,
        arguments: [String] = [],
        assignments: [String: String] = [:],
        redirections: [Redirection] = [],
        wrappers: [String] = [],
        hasUnresolvedExpansion: Bool = false
    ) {
        self.program = SimpleCommand.programName(fromPath: programPath)
        self.programPath = programPath
        self.arguments = arguments
        self.assignments = assignments
        self.redirections = redirections
        self.wrappers = wrappers
        self.hasUnresolvedExpansion = hasUnresolvedExpansion
    }

    init(
        program: String, programPath: String, arguments: [String], assignments: [String: String],
        redirections: [Redirection], wrappers: [String], hasUnresolvedExpansion: Bool
    ) {
        self.program = program
        self.programPath = programPath
        self.arguments = arguments
        self.assignments = assignments
        self.redirections = redirections
        self.wrappers = wrappers
        self.hasUnresolvedExpansion = hasUnresolvedExpansion
    }

    /// The program name for a path: its last non-empty component
    /// (`/usr/bin/rm` -> `rm`, `./rm` -> `rm`).
    public static func programName(fromPath path: String) -> String {
        let bytes = Array(path.utf8)
        let name = programName(fromPath: bytes[...])
        return name.count == bytes.count ? path : name.string
    }

    static func programName(fromPath bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex + 1, bytes[end - 1] == Byte.slash { end -= 1 }
        var start = end
        while start > bytes.startIndex, bytes[start - 1] != Byte.slash { start -= 1 }
        if start == end { return bytes }
        return bytes[start..<end]
    }

    /// A readable normalised rendering: program and arguments joined by spaces.
    public var text: String {
        var result = program
        for argument in arguments {
            result += " "
            result += argument
        }
        return result
    }

    /// True when the arguments carry the flag in any common spelling: `-rf`,
    /// `-fr`, `-r -f`, `--recursive`, `--recursive=x`. Scanning stops at `--`.
    public func hasFlag(short: Character?, long: String?) -> Bool {
        let shortByte: UInt8? = short.flatMap { $0.isASCII ? $0.asciiValue : nil }
        for argument in arguments {
            let utf8 = argument.utf8
            guard utf8.count >= 2, utf8.first == Byte.dash else { continue }
            let rest = utf8.dropFirst()
            if rest.first == Byte.dash {
                if utf8.count == 2 { return false }
                guard let long, !long.isEmpty else { continue }
                if rest.dropFirst().prefix(while: { $0 != Byte.equals }).elementsEqual(long.utf8) { return true }
            } else if let shortByte, rest.contains(shortByte) {
                return true
            }
        }
        return false
    }

    /// Arguments that are not flags; after `--` every argument is an operand.
    public var operands: [String] {
        var result: [String] = []
        var afterDoubleDash = false
        for argument in arguments {
            if afterDoubleDash {
                result.append(argument)
            } else if argument == "--" {
                afterDoubleDash = true
            } else if argument == "-" || !argument.hasPrefix("-") {
                result.append(argument)
            }
        }
        return result
    }
}
