/// ASCII byte classes. The patterns the detectors look for are ASCII (only an
/// e-mail local part may include non-ASCII, taken whole), so a hit always
/// starts and ends on a UTF-8 scalar boundary, and non-ASCII bytes otherwise
/// act as separators.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isUpperAlnum(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) }
    @inline(__always) static func isBase64URL(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2D || b == 0x5F }
    @inline(__always) static func isBase64(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2B || b == 0x2F }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func digitValue(_ b: UInt8) -> Int { Int(b &- 0x30) }

    static let backslash = UInt8(ascii: "\\")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let space = UInt8(ascii: " ")
    static let underscore = UInt8(ascii: "_")
}
