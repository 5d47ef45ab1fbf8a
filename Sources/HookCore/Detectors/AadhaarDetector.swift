/// Indian Aadhaar numbers: 12 digits, the first 2–9, valid under the
/// Verhoeff check digit. Printed as `2345 6789 0123` (or with dashes) they
/// are reported anywhere; twelve bare digits only near a keyword (`aadhaar`,
/// `uid`) or under such a JSON key, since one random number in ten passes
/// the check.
public struct AadhaarDetector: TextDetector {
    public let type = "aadhaar"

    public init() {}

    static let keywords = [Keyword("aadhaar"), Keyword("aadhar"), Keyword("uidai"), Keyword("uid", wholeWord: true)]

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstDigit(from: 0)
        while i < t.count {
            let runEnd = t.runEnd(from: i, ASCII.isDigit)
            if let end = match(t, start: i, label: label) {
                findings.append(Finding(type: type, start: i, end: end))
                i = t.firstDigit(from: end)
            } else {
                i = t.firstDigit(from: runEnd)
            }
        }
    }

    func match(_ t: ByteText, start: Int, label: UnsafeBufferPointer<UInt8>) -> Int? {
        let groups = DigitGroups.read(t, from: start, separators: [ASCII.space, ASCII.dash], maxDigits: 12)
        guard groups.count == 12, groups.digits[0] >= 2, t.standsAlone(start, groups.end) else { return nil }
        let grouped = groups.groupLengths == [4, 4, 4]
        guard grouped || (groups.groupLengths == [12] && t.hasKeyword(Self.keywords, before: start, window: 32, label: label)) else {
            return nil
        }
        return Verhoeff.isValid(groups.digits) ? groups.end : nil
    }
}

/// The Verhoeff check-digit scheme (dihedral group D5).
enum Verhoeff {
    static let multiplication: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    static let permutation: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    static func isValid(_ digits: [UInt8]) -> Bool {
        var c: UInt8 = 0
        for (i, d) in digits.reversed().enumerated() { c = multiplication[Int(c)][Int(permutation[i % 8][Int(d)])] }
        return c == 0
    }
}
