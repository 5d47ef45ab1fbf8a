/// US Social Security numbers.
///
/// - `AAA-GG-SSSS` or `AAA GG SSSS` (one separator kind throughout) anywhere.
/// - Bare `AAAGGSSSS` only within 32 bytes after a keyword (`ssn`,
///   `social security`…) or under a JSON key containing one: nine digits alone
///   are far more often ids, amounts or phone fragments.
/// - Validity: area not 000, 666 or 900–999 (900s are ITINs); group not 00;
///   serial not 0000. The two numbers the SSA publicly voided after they were
///   printed on sample cards (078-05-1120, 219-09-9999) are not reported.
///   123-45-6789 is: it is valid-shaped and widely used as test data.
/// - The number must stand alone: no letter or digit touching it, and not
///   continued by another separator and digit (`2024-123-45-6789`, `1.123456789`).
public struct SSNDetector: TextDetector {
    public let type = "us_ssn"

    public init() {}

    static let keywords = [
        Keyword("ssn", wholeWord: true), Keyword("social security"), Keyword("social_security"),
        Keyword("social-security"), Keyword("socialsecurity"),
    ]
    static let keywordWindow = 32
    static let voided: Set<Int> = [078_05_1120, 219_09_9999]

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        let labelHasKeyword = ByteText(label).containsKeyword(Self.keywords, in: 0..<label.count)
        var i = t.firstDigit(from: 0)
        while i < t.count {
            let runEnd = t.runEnd(from: i, ASCII.isDigit)
            if let end = match(t, start: i, runEnd: runEnd, labelHasKeyword: labelHasKeyword) {
                findings.append(Finding(type: type, start: i, end: end))
                i = t.firstDigit(from: end)
            } else {
                i = t.firstDigit(from: runEnd)
            }
        }
    }

    /// The end of an SSN starting at the digit run `start..<runEnd`, or nil.
    func match(_ t: ByteText, start: Int, runEnd: Int, labelHasKeyword: Bool) -> Int? {
        guard t.isBoundary(before: start, ASCII.isAlnum) else { return nil }
        switch runEnd - start {
        case 3:
            return separatedEnd(t, areaStart: start)
        case 9:
            guard t.isBoundary(after: runEnd, ASCII.isAlnum),
                !t.isJoinedToDigits(start, runEnd, joiners: [ASCII.dash, ASCII.dot]),
                Self.isValid(t, area: start, group: start + 3, serial: start + 5),
                labelHasKeyword || t.containsKeyword(Self.keywords, in: (start - Self.keywordWindow)..<start)
            else { return nil }
            return runEnd
        default:
            return nil
        }
    }

    /// `AAA-GG-SSSS` / `AAA GG SSSS` starting at `areaStart`, returning its end.
    func separatedEnd(_ t: ByteText, areaStart a: Int) -> Int? {
        let separator = t.at(a + 3)
        guard separator == ASCII.dash || separator == ASCII.space else { return nil }
        guard ASCII.isDigit(t.at(a + 4)), ASCII.isDigit(t.at(a + 5)), t.at(a + 6) == separator else { return nil }
        let end = a + 11
        for k in (a + 7)..<end where !ASCII.isDigit(t.at(k)) { return nil }
        guard t.isBoundary(after: end, ASCII.isAlnum) else { return nil }
        let joiners = separator == ASCII.space ? [ASCII.space, ASCII.dash, ASCII.dot] : [ASCII.dash, ASCII.dot]
        guard !t.isJoinedToDigits(a, end, joiners: joiners) else { return nil }
        return Self.isValid(t, area: a, group: a + 4, serial: a + 7) ? end : nil
    }

    static func isValid(_ t: ByteText, area: Int, group: Int, serial: Int) -> Bool {
        let a = number(t, area, 3), g = number(t, group, 2), s = number(t, serial, 4)
        guard a != 0, a != 666, a < 900, g != 0, s != 0 else { return false }
        return !voided.contains(a * 1_000_000 + g * 10_000 + s)
    }

    static func number(_ t: ByteText, _ start: Int, _ digits: Int) -> Int {
        var value = 0
        for k in start..<(start + digits) { value = value * 10 + ASCII.digitValue(t[k]) }
        return value
    }
}
