/// Backslash escapes of `$'...'`, `printf` formats and `echo -e`. The three
/// differ only in octal syntax and in which quote escapes exist.
enum EscapeDecoder {
    enum Style {
        /// `$'...'`: `\NNN`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`, `\cX`, `\'`, `\"`, `\?`.
        case ansiC
        /// printf format and `%b`: like ansiC plus `\c` (stop) and `\0NNN`.
        case printf
        /// `echo -e`: octal only as `\0NNN`.
        case echo
    }

    struct Result {
        var bytes: [UInt8]
        /// True when hex, octal or unicode escapes were decoded: text written
        /// this way is hiding what it says.
        var decodedEncodedBytes: Bool
        /// `\c` ended the output early.
        var stopped: Bool
    }

    static func decode<C: Collection>(_ input: C, style: Style) -> Result where C.Element == UInt8 {
        let input = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var encoded = false
        var position = 0

        /// Reads up to `limit` digits of `radix` starting at `position`.
        func number(radix: UInt32, limit: Int) -> UInt32? {
            var value: UInt32 = 0
            var count = 0
            while count < limit, position < input.count,
                  let digit = Byte.hexValue(input[position]), digit < radix {
                value = value &* radix &+ digit
                position += 1
                count += 1
            }
            return count > 0 ? value : nil
        }

        while position < input.count {
            let current = input[position]
            guard current == Byte.backslash, position + 1 < input.count else {
                output.append(current)
                position += 1
                continue
            }
            let escape = input[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "a"): output.append(0x07)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): output.append(0x1B)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(Byte.newline)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(Byte.tab)
            case UInt8(ascii: "v"): output.append(0x0B)
            case Byte.backslash: output.append(Byte.backslash)
            case Byte.singleQuote where style == .ansiC: output.append(Byte.singleQuote)
            case Byte.doubleQuote where style != .echo: output.append(Byte.doubleQuote)
            case Byte.question where style == .ansiC: output.append(Byte.question)
            case UInt8(ascii: "x"):
                if let value = number(radix: 16, limit: 2) {
                    output.append(UInt8(value))
                    encoded = true
                } else {
                    output.append(contentsOf: [Byte.backslash, escape])
                }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                if let value = number(radix: 16, limit: escape == UInt8(ascii: "u") ? 4 : 8) {
                    output.appendUTF8(value)
                    encoded = true
                } else {
                    output.append(contentsOf: [Byte.backslash, escape])
                }
            case UInt8(ascii: "c"):
                if style == .ansiC {
                    if position < input.count {
                        output.append(input[position] & 0x1F)
                        position += 1
                    }
                } else {
                    return Result(bytes: output, decodedEncodedBytes: encoded, stopped: true)
                }
            case Byte.zero...Byte.seven:
                if style == .echo && escape != Byte.zero {
                    output.append(contentsOf: [Byte.backslash, escape])
                    break
                }
                if style == .ansiC || escape != Byte.zero {
                    position -= 1  // the first digit counts toward the three
                }
                let value = number(radix: 8, limit: 3) ?? 0
                output.append(UInt8(truncatingIfNeeded: value))
                encoded = true
            default:
                output.append(contentsOf: [Byte.backslash, escape])
            }
        }
        return Result(bytes: output, decodedEncodedBytes: encoded, stopped: false)
    }
}
