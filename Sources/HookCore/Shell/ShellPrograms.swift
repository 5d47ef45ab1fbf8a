/// What kind of program a name is, looked up once per command so the
/// common case (a program with no special meaning) costs one hash.
struct ProgramTraits: OptionSet {
    let rawValue: UInt8
    /// Runs the command in its arguments (`sudo`, `env`, `nice`, ...).
    static let wrapper = ProgramTraits(rawValue: 1 << 0)
    static let shell = ProgramTraits(rawValue: 1 << 1)
    static let interpreter = ProgramTraits(rawValue: 1 << 2)
    /// Runs its arguments or stdin as shell code (`eval`, `source`, `su -c`, `watch`).
    static let codeRunner = ProgramTraits(rawValue: 1 << 3)
    /// Runs commands given after an option (`find -exec`, `fd -x`).
    static let execRunner = ProgramTraits(rawValue: 1 << 4)
    /// Makes variables unknown (`unset`, `read`).
    static let forgetsVariables = ProgramTraits(rawValue: 1 << 5)
}

/// What the analyzer knows about particular programs: which run code they
/// are given, which decode text, and what simple producers print.
enum ShellPrograms {
    private static let traitTable: [String: ProgramTraits] = {
        var table: [String: ProgramTraits] = [:]
        for name in ["sudo", "doas", "pkexec", "env", "command", "exec", "nice", "timeout", "time", "stdbuf",
                     "ionice", "xargs", "caffeinate", "nohup", "builtin", "setsid", "busybox", "unbuffer", "chronic"] {
            table[name] = .wrapper
        }
        for name in shells { table[name] = .shell }
        for name in ["node", "nodejs", "osascript", "pwsh", "powershell", "Rscript"] { table[name] = .interpreter }
        for name in ["eval", "source", ".", "su", "runuser", "watch", "trap"] { table[name] = .codeRunner }
        for name in ["find", "fd", "fdfind"] { table[name] = .execRunner }
        for name in ["unset", "read"] { table[name] = .forgetsVariables }
        return table
    }()

    static func traits(of program: String) -> ProgramTraits {
        if let traits = traitTable[program] { return traits }
        return isInterpreterFamily(program) ? .interpreter : []
    }

    /// `python3.12`, `perl5.36`, `ruby3.2`, `php8.2`, `lua5.4`.
    private static func isInterpreterFamily(_ program: String) -> Bool {
        let utf8 = program.utf8
        func starts(with prefix: StaticString) -> Bool {
            utf8.count >= prefix.utf8CodeUnitCount
                && utf8.prefix(prefix.utf8CodeUnitCount).elementsEqual(
                    UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        }
        switch utf8.first {
        case UInt8(ascii: "p"): return starts(with: "python") || starts(with: "perl") || starts(with: "php")
        case UInt8(ascii: "r"): return starts(with: "ruby")
        case UInt8(ascii: "l"): return starts(with: "lua")
        default: return false
        }
    }

    static let shells: Set<String> = [
        "sh", "bash", "zsh", "dash", "ksh", "ksh93", "mksh", "pdksh", "ash", "yash", "posh", "rbash",
        "fish", "csh", "tcsh",
    ]

    /// Paths that mean "standard input" to a shell or `source`.
    static let standardInputPaths: Set<String> = ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]


    static func isDeclarationBuiltin(_ program: String) -> Bool {
        switch program {
        case "export", "declare", "typeset", "local", "readonly": true
        default: false
        }
    }

    enum CodeReader { case shell, interpreter }

    /// Whether the command reads the code it runs from standard input.
    static func standardInputCodeReader(_ command: SimpleCommand) -> CodeReader? {
        let program = command.program
        let traits = traits(of: program)
        if traits.contains(.shell) {
            return ShellInvocation(command.arguments).readsStandardInput ? .shell : nil
        }
        if program == "source" || program == "." {
            guard let path = command.operands.first, standardInputPaths.contains(path) else { return nil }
            return .shell
        }
        guard traits.contains(.interpreter) else { return nil }
        for argument in command.arguments {
            guard argument.hasPrefix("-"), argument != "-" else { break }
            if argument.hasPrefix("--") {
                if argument == "--eval" || argument == "--print" || argument.hasPrefix("--eval=") { return nil }
                continue
            }
            // -c (python), -e/-E (perl, ruby, node, lua, osascript), -m (module), -r (php): code is not on stdin.
            if argument.utf8.dropFirst().contains(where: { "ceEmr".utf8.contains($0) }) { return nil }
        }
        guard let script = command.operands.first else { return .interpreter }
        return standardInputPaths.contains(script) ? .interpreter : nil
    }

    /// A redirection that replaces standard output (`>`, `1>`, `&>`, `>&2`...).
    static func redirectsStandardOutput(_ redirection: Redirection) -> Bool {
        let bytes = Array(redirection.op.utf8)
        if bytes.first == Byte.ampersand { return true }
        let digits = bytes.prefix(while: Byte.isDigit)
        guard digits.isEmpty || digits.elementsEqual([UInt8(ascii: "1")]) else { return false }
        return bytes.dropFirst(digits.count).first == Byte.greater
    }

    /// A redirection that replaces standard input.
    static func redirectsStandardInput(_ redirection: Redirection) -> Bool {
        let bytes = Array(redirection.op.utf8)
        let digits = bytes.prefix(while: Byte.isDigit)
        guard digits.isEmpty || digits.elementsEqual([Byte.zero]) else { return false }
        return bytes.dropFirst(digits.count).first == Byte.less
    }

    /// The decoder's name when the command turns encoded text back into text
    /// (`base64 -d`, `xxd -r`, `gunzip`, `rev`, `printf '\x72\x6d'`...).
    static func decoderName(_ command: SimpleCommand) -> String? {
        let program = command.program
        switch program {
        case "base64", "base32", "basenc", "gbase64":
            return command.hasFlag(short: "d", long: "decode") || command.hasFlag(short: "D", long: nil) ? program : nil
        case "xxd":
            return command.hasFlag(short: "r", long: "revert") ? program : nil
        case "openssl":
            return command.arguments.contains("-d") ? program : nil
        case "uudecode", "uudeview", "gunzip", "zcat", "gzcat", "bunzip2", "bzcat", "unxz", "xzcat", "unlzma",
             "lzcat", "unzstd", "zstdcat", "lz4cat", "uncompress", "rev":
            return program
        case "gzip", "pigz", "bzip2", "xz", "lzma", "zstd", "lz4", "brotli", "compress":
            return command.hasFlag(short: "d", long: "decompress") || command.hasFlag(short: nil, long: "uncompress")
                ? program : nil
        case "gpg", "gpg2", "age":
            return command.hasFlag(short: "d", long: "decrypt") ? program : nil
        case "tr":
            // A substitution cipher (rot13 and friends), not case conversion
            // (`tr a-z A-Z`) or a deletion (`tr -d '\r'`).
            let sets = command.operands
            guard sets.count >= 2, !command.hasFlag(short: "d", long: "delete") else { return nil }
            return translationScramblesLetters(sets[0], sets[1]) ? program : nil
        case "printf":
            let encoded = command.arguments.contains {
                EscapeDecoder.decode($0.utf8, style: .printf).decodedEncodedBytes
            }
            return encoded ? program : nil
        case "echo":
            guard echoOptions(command.arguments).interpretsEscapes else { return nil }
            let encoded = command.arguments.contains {
                EscapeDecoder.decode($0.utf8, style: .echo).decodedEncodedBytes
            }
            return encoded ? program : nil
        default:
            return nil
        }
    }

    /// Whether `tr SET1 SET2` maps some letter or digit to a different one
    /// (other than its other case).
    static func translationScramblesLetters(_ from: String, _ to: String) -> Bool {
        let source = expandTranslationSet(from)
        let target = expandTranslationSet(to)
        guard !source.isEmpty, !target.isEmpty else { return false }
        func isAlphanumeric(_ byte: UInt8) -> Bool { Byte.isNameByte(byte) && byte != Byte.underscore }
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        for (offset, byte) in source.enumerated() where isAlphanumeric(byte) {
            let mapped = target[min(offset, target.count - 1)]
            if isAlphanumeric(mapped), folded(mapped) != folded(byte) { return true }
        }
        return false
    }

    /// A `tr` set with escapes decoded and `a-z` ranges spelled out; classes
    /// such as `[:upper:]` are left out (they only convert case).
    private static func expandTranslationSet(_ set: String) -> [UInt8] {
        if set.contains("[:") { return [] }
        let bytes = EscapeDecoder.decode(set.utf8, style: .printf).bytes
        var result: [UInt8] = []
        var position = 0
        while position < bytes.count, result.count < 512 {
            if position + 2 < bytes.count, bytes[position + 1] == Byte.dash, bytes[position] <= bytes[position + 2] {
                result.append(contentsOf: bytes[position]...bytes[position + 2])
                position += 3
            } else {
                result.append(bytes[position])
                position += 1
            }
        }
        return result
    }

    /// What a simple producer writes to standard output, when it is fixed by
    /// the command itself: `echo`, `printf`, `cat` of a here-document.
    static func knownOutput(_ command: SimpleCommand) -> [UInt8]? {
        // Output sent elsewhere is not what reaches the next stage.
        if command.redirections.contains(where: redirectsStandardOutput) { return nil }
        switch command.program {
        case "echo":
            let options = echoOptions(command.arguments)
            var text = Array(command.arguments.dropFirst(options.count).joined(separator: " ").utf8)
            if options.interpretsEscapes { text = EscapeDecoder.decode(text, style: .echo).bytes }
            return text + [Byte.newline]
        case "printf":
            var arguments = command.arguments[...]
            if arguments.first == "--" { arguments = arguments.dropFirst() }
            guard let format = arguments.first, !format.hasPrefix("-") else { return nil }
            return PrintfRenderer.render(format: Array(format.utf8), arguments: arguments.dropFirst().map { Array($0.utf8) })
        case "cat":
            guard command.operands.allSatisfy({ $0 == "-" }) else { return nil }
            for redirection in command.redirections.reversed() where redirectsStandardInput(redirection) {
                if let body = redirection.hereDocument { return Array(body.utf8) }
                if redirection.op.hasSuffix("<<<") { return Array(redirection.target.utf8) + [Byte.newline] }
                return nil
            }
            return nil
        default:
            return nil
        }
    }

    /// `cat` or `cat -` with nothing else: passes its input through.
    static func passesInputThrough(_ command: SimpleCommand) -> Bool {
        command.program == "cat" && command.operands.allSatisfy { $0 == "-" }
            && !command.redirections.contains(where: redirectsStandardInput)
    }

    /// Leading `-n` / `-e` / `-E` options of `echo`.
    static func echoOptions(_ arguments: [String]) -> (count: Int, interpretsEscapes: Bool) {
        var count = 0
        var escapes = false
        for argument in arguments {
            let bytes = Array(argument.utf8)
            guard bytes.count >= 2, bytes[0] == Byte.dash,
                  bytes.dropFirst().allSatisfy({ $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
            else { break }
            for byte in bytes.dropFirst() {
                if byte == UInt8(ascii: "e") { escapes = true }
                if byte == UInt8(ascii: "E") { escapes = false }
            }
            count += 1
        }
        return (count, escapes)
    }
}

/// How a shell invocation gets its code: `bash -c STRING`, `bash -s`,
/// `bash script.sh`, or plain `bash` reading standard input.
struct ShellInvocation {
    /// Index into the arguments of the `-c` string.
    var commandStringIndex: Int?
    var readsStandardInput = false

    init(_ arguments: [String]) {
        var position = 0
        var commandFlag = false
        var stdinFlag = false
        while position < arguments.count {
            let argument = Array(arguments[position].utf8)
            if argument == [Byte.dash, Byte.dash] || argument == [Byte.dash] {
                position += 1
                break
            }
            guard argument.count >= 2, argument[0] == Byte.dash || argument[0] == Byte.plus else { break }
            if argument[1] == Byte.dash {
                let name = arguments[position]
                position += name == "--rcfile" || name == "--init-file" ? 2 : 1
                continue
            }
            var values = 0
            for option in argument.dropFirst() {
                switch option {
                case UInt8(ascii: "c") where argument[0] == Byte.dash: commandFlag = true
                case UInt8(ascii: "s") where argument[0] == Byte.dash: stdinFlag = true
                case UInt8(ascii: "o"), UInt8(ascii: "O"): values += 1
                default: break
                }
            }
            position += 1 + values
        }
        if commandFlag {
            commandStringIndex = position < arguments.count ? position : nil
        } else {
            readsStandardInput = stdinFlag || position >= arguments.count
                || ShellPrograms.standardInputPaths.contains(arguments[position])
        }
    }
}
