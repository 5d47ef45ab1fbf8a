/// Indian Permanent Account Numbers: `AAAPL1234C`, five letters (the fourth
/// the holder type: P person, C company, H HUF, F firm, A AOP, T trust,
/// B BOI, L local authority, J juridical person, G government), four digits,
/// a letter. Upper case, standing alone.
public struct IndianPANDetector: TextDetector {
    public let type = "in_pan"

    public init() {}

    static let holderTypes = Array("PCHFATBLJG".utf8)

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        // Driven by the four-digit run at offset 5.
        var d = t.firstDigit(from: 5)
        while d < t.count {
            let runEnd = t.runEnd(from: d, ASCII.isDigit)
            let s = d - 5
            if runEnd - d == 4, ASCII.isUpper(t.at(runEnd)), t.isBoundary(after: runEnd + 1, ASCII.isAlnum),
                t.isBoundary(before: s, ASCII.isAlnum), (s..<d).allSatisfy({ ASCII.isUpper(t[$0]) }),
                Self.holderTypes.contains(t[s + 3])
            {
                findings.append(Finding(type: type, start: s, end: runEnd + 1))
            }
            d = t.firstDigit(from: runEnd + 5)
        }
    }
}

/// Singapore NRIC and FIN: `S1234567D` — a prefix S, T (citizens and
/// permanent residents), F or G (foreigners), seven digits and the check
/// letter computed from them (weights 2 7 6 5 4 3 2, offset 4 for T and G).
public struct SingaporeNRICDetector: TextDetector {
    public let type = "sg_nric"

    public init() {}

    static let weights = [2, 7, 6, 5, 4, 3, 2]
    static let citizenLetters = Array("JZIHGFEDCBA".utf8)
    static let foreignerLetters = Array("XWUTRQPNMLK".utf8)

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var d = t.firstDigit(from: 1)
        while d < t.count {
            let runEnd = t.runEnd(from: d, ASCII.isDigit)
            let s = d - 1
            if runEnd - d == 7, t.isBoundary(before: s, ASCII.isAlnum), t.isBoundary(after: runEnd + 1, ASCII.isAlnum),
                let expected = Self.checkLetter(prefix: ASCII.lowercased(t[s]) & 0xDF, t, d), ASCII.lowercased(t.at(runEnd)) & 0xDF == expected
            {
                findings.append(Finding(type: type, start: s, end: runEnd + 1))
            }
            d = t.firstDigit(from: runEnd + 1)
        }
    }

    static func checkLetter(prefix: UInt8, _ t: ByteText, _ d: Int) -> UInt8? {
        var sum = 0
        for k in 0..<7 { sum += weights[k] * ASCII.digitValue(t[d + k]) }
        switch prefix {
        case UInt8(ascii: "S"): return citizenLetters[sum % 11]
        case UInt8(ascii: "T"): return citizenLetters[(sum + 4) % 11]
        case UInt8(ascii: "F"): return foreignerLetters[sum % 11]
        case UInt8(ascii: "G"): return foreignerLetters[(sum + 4) % 11]
        default: return nil
        }
    }
}
