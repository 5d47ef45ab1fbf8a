/// How a wrapper program (`sudo`, `env`, `timeout`, ...) takes its own
/// options before the command it runs.
struct WrapperSpec {
    /// Short options that take a value (`-u USER` or `-uUSER`).
    var valueOptions: [UInt8] = []
    /// Short options whose value can only be glued on (`xargs -i{}`).
    var attachedValueOptions: [UInt8] = []
    var longValueOptions: [String] = []
    /// Options after which nothing is run (`command -v`, `sudo -l`).
    var inertOptions: [UInt8] = []
    var inertLongOptions: [String] = []
    /// Operands before the command (`timeout DURATION`).
    var leadingOperands = 0
    /// `NAME=value` words before the command (`env`, `sudo`).
    var acceptsAssignments = false
    /// `nice -10`.
    var numericOption = false
}

/// Peels wrappers off a command: `sudo -u root env FOO=1 nice -n 5 rm -rf /`
/// is `rm -rf /` wrapped in `["sudo", "env", "nice"]`.
enum CommandUnwrapper {
    struct Step {
        var command: ArraySlice<Field>
        var assignments: [(String, Field)]
    }

    static func spec(for program: String) -> WrapperSpec? {
        switch program {
        case "sudo":
            WrapperSpec(
                valueOptions: Array("CDghprRtTUuc".utf8),
                longValueOptions: ["chdir", "close-from", "group", "host", "prompt", "chroot", "role", "type",
                                   "command-timeout", "other-user", "user", "login-class"],
                inertOptions: Array("elVvK".utf8),
                inertLongOptions: ["edit", "list", "version", "validate", "remove-timestamp", "help"],
                acceptsAssignments: true
            )
        case "doas":
            WrapperSpec(valueOptions: Array("uC".utf8))
        case "pkexec":
            WrapperSpec(longValueOptions: ["user"])
        case "env":
            WrapperSpec(
                valueOptions: Array("uCSaP".utf8),
                longValueOptions: ["unset", "chdir", "split-string", "argv0"],
                inertLongOptions: ["help", "version"],
                acceptsAssignments: true
            )
        case "command":
            WrapperSpec(inertOptions: Array("vV".utf8))
        case "exec":
            WrapperSpec(valueOptions: Array("a".utf8))
        case "nice":
            WrapperSpec(valueOptions: Array("n".utf8), longValueOptions: ["adjustment"], numericOption: true)
        case "timeout":
            WrapperSpec(valueOptions: Array("sk".utf8), longValueOptions: ["signal", "kill-after"], leadingOperands: 1)
        case "time":
            WrapperSpec(valueOptions: Array("fo".utf8), longValueOptions: ["format", "output"])
        case "stdbuf":
            WrapperSpec(valueOptions: Array("ioe".utf8), longValueOptions: ["input", "output", "error"])
        case "ionice":
            WrapperSpec(valueOptions: Array("cnpPu".utf8), longValueOptions: ["class", "classdata", "pid", "pgid", "uid"])
        case "xargs":
            WrapperSpec(
                valueOptions: Array("aEdILnPs".utf8),
                attachedValueOptions: Array("iel".utf8),
                longValueOptions: ["arg-file", "delimiter", "max-args", "max-procs", "max-chars", "process-slot-var"],
                inertLongOptions: ["help", "version"]
            )
        case "caffeinate":
            WrapperSpec(valueOptions: Array("tw".utf8))
        case "nohup", "builtin", "setsid", "busybox", "unbuffer", "chronic":
            WrapperSpec()
        default:
            nil
        }
    }

    /// The wrapped command after the wrapper's options, or nil when `program`
    /// is no wrapper or runs nothing here (no command given, or `command -v`).
    static func unwrap(_ program: String, arguments: ArraySlice<Field>) -> Step? {
        guard let spec = spec(for: program) else { return nil }
        var position = arguments.startIndex
        var assignments: [(String, Field)] = []
        var inserted: [Field] = []
        scan: while position < arguments.endIndex {
            let argument = arguments[position]
            let bytes = Array(argument.bytes)
            if argument.isUnresolved { break }
            if bytes.count == 2, bytes[0] == Byte.dash, bytes[1] == Byte.dash {
                position += 1
                break
            }
            if bytes == [Byte.dash] {
                guard program == "env" else { break }  // `env -` is `env -i`
                position += 1
                continue
            }
            if bytes.count > 2, bytes[0] == Byte.dash, bytes[1] == Byte.dash {
                let equals = bytes.firstIndex(of: Byte.equals)
                let name = bytes[2..<(equals ?? bytes.count)].string
                if spec.inertLongOptions.contains(name) { return nil }
                var value: Field?
                if let equals {
                    value = Field(bytes: Array(bytes[(equals + 1)...]))
                    position += 1
                } else if spec.longValueOptions.contains(name) {
                    value = position + 1 < arguments.endIndex ? arguments[position + 1] : nil
                    position += 2
                } else {
                    position += 1
                }
                if program == "env", name == "split-string", let value { inserted += splitWords(value) }
                continue
            }
            if bytes.count > 1, bytes[0] == Byte.dash {
                if spec.numericOption, Byte.isDigit(bytes[1]) {
                    position += 1
                    continue
                }
                var consumedNext = false
                for offset in 1..<bytes.count {
                    let option = bytes[offset]
                    if spec.inertOptions.contains(option) { return nil }
                    if spec.attachedValueOptions.contains(option) { break }
                    guard spec.valueOptions.contains(option) else { continue }
                    var value: Field?
                    if offset + 1 < bytes.count {
                        value = Field(bytes: Array(bytes[(offset + 1)...]))
                    } else if position + 1 < arguments.endIndex {
                        value = arguments[position + 1]
                        consumedNext = true
                    }
                    if program == "env", option == UInt8(ascii: "S"), let value { inserted += splitWords(value) }
                    break
                }
                position += consumedNext ? 2 : 1
                continue
            }
            if spec.acceptsAssignments, let equals = bytes.firstIndex(of: Byte.equals), equals > 0,
               Byte.isName(bytes[..<equals]) {
                assignments.append((bytes[..<equals].string, Field(bytes: Array(bytes[(equals + 1)...]))))
                position += 1
                continue
            }
            break
        }
        position = min(position + spec.leadingOperands, arguments.endIndex)
        let rest = arguments[position...]
        if inserted.isEmpty {
            return rest.isEmpty ? nil : Step(command: rest, assignments: assignments)
        }
        return Step(command: ArraySlice(inserted + rest), assignments: assignments)
    }

    /// `env -S 'rm -rf /'`: split on blanks, honouring simple quotes.
    static func splitWords(_ field: Field) -> [Field] {
        var words: [Field] = []
        var current: [UInt8] = []
        var inWord = false
        var quote: UInt8?
        for byte in field.bytes {
            if let open = quote {
                if byte == open { quote = nil } else { current.append(byte) }
            } else if byte == Byte.singleQuote || byte == Byte.doubleQuote {
                quote = byte
                inWord = true
            } else if Byte.isBlank(byte) || byte == Byte.newline {
                if inWord { words.append(Field(bytes: current, isUnresolved: field.isUnresolved)) }
                current = []
                inWord = false
            } else {
                current.append(byte)
                inWord = true
            }
        }
        if inWord { words.append(Field(bytes: current, isUnresolved: field.isUnresolved)) }
        return words
    }
}
