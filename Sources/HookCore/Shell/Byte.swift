/// ASCII bytes the shell grammar cares about. The analyzer works on UTF-8
/// bytes: every special character is ASCII, so multi-byte text passes through.
enum Byte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let seven: UInt8 = 0x37
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let less: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backquote: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let closeBrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == underscore
    }

    static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Characters that end an unquoted word.
    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, newline, semicolon, ampersand, pipe, openParen, closeParen, less, greater:
            return true
        default:
            return false
        }
    }

    /// Bytes a word can contain without the lexer looking twice: not a word
    /// end, quote, escape, expansion, `=` or `~`.
    static func isPlainWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, newline, semicolon, ampersand, pipe, openParen, closeParen, less, greater,
             backslash, singleQuote, doubleQuote, backquote, dollar, equals, tilde:
            false
        default:
            true
        }
    }

    /// Bytes inside double quotes (or a here-document) with no special meaning.
    static func isPlainQuotedByte(_ byte: UInt8) -> Bool {
        byte != doubleQuote && byte != backslash && byte != dollar && byte != backquote
    }

    static func isGlob(_ byte: UInt8) -> Bool { byte == star || byte == question || byte == openBracket }

    /// A shell variable name: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isName<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard let first = bytes.first, isNameStart(first) else { return false }
        return bytes.allSatisfy(isNameByte)
    }

    /// `NAME` or `NAME+`, the part of an assignment word before `=`.
    static func isAssignmentName(_ bytes: ArraySlice<UInt8>) -> Bool {
        isName(bytes.last == plus ? bytes.dropLast() : bytes)
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case zero...nine: return UInt32(byte - zero)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 encoding of a scalar; invalid scalars are dropped.
    mutating func appendUTF8(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        UTF8.encode(scalar) { append($0) }
    }

    var string: String { String(decoding: self, as: UTF8.self) }
}
