/// Renders what `printf FORMAT ARGS...` prints, for the directives that
/// matter when its output is piped into a shell (`%s`, `%b`, `%c`, `%d`,
/// `%%`). Anything fancier returns nil: the output is then unknown.
enum PrintfRenderer {
    private static let maximumCycles = 64

    static func render(format: [UInt8], arguments: [[UInt8]]) -> [UInt8]? {
        var output: [UInt8] = []
        var next = 0
        var cycles = 0
        repeat {
            var position = 0
            while position < format.count {
                guard format[position] == Byte.percent else {
                    var literalEnd = position
                    while literalEnd < format.count, format[literalEnd] != Byte.percent { literalEnd += 1 }
                    let decoded = EscapeDecoder.decode(format[position..<literalEnd], style: .printf)
                    output.append(contentsOf: decoded.bytes)
                    if decoded.stopped { return output }
                    position = literalEnd
                    continue
                }
                var directive = position + 1
                while directive < format.count, isFlagOrWidth(format[directive]) { directive += 1 }
                guard directive < format.count else { return nil }
                let conversion = format[directive]
                position = directive + 1
                if conversion == Byte.percent {
                    output.append(Byte.percent)
                    continue
                }
                let argument = next < arguments.count ? arguments[next] : []
                next += 1
                switch conversion {
                case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"):
                    output.append(contentsOf: argument)
                case UInt8(ascii: "c"):
                    output.append(contentsOf: argument.prefix(1))
                case UInt8(ascii: "b"):
                    let decoded = EscapeDecoder.decode(argument, style: .printf)
                    output.append(contentsOf: decoded.bytes)
                    if decoded.stopped { return output }
                default:
                    return nil
                }
            }
            cycles += 1
        } while next > 0 && next < arguments.count && cycles < maximumCycles
        return output
    }

    private static func isFlagOrWidth(_ byte: UInt8) -> Bool {
        Byte.isDigit(byte) || byte == Byte.dash || byte == Byte.plus || byte == Byte.space
            || byte == Byte.hash || byte == Byte.dot
    }
}
