/// Telephone numbers, in the two forms that are rarely anything else:
///
/// - International (E.164 as people write it): `+`, a non-zero digit, then
///   8–15 digits in all, optionally grouped by single spaces, dashes, dots or
///   a parenthesised group, the first group then being a 1–3 digit country
///   code: `+14155552671`, `+44 20 7946 0958`, `+1 (415) 555-2671`.
/// - North American: `(NXX) NXX-XXXX`, `(NXX)NXX-XXXX`, `(NXX) NXX.XXXX`,
///   `NXX-NXX-XXXX`, `NXX.NXX.XXXX`, optionally after `1-`, `1.` or `1 `,
///   where N is 2–9 (area codes and exchanges never start with 0 or 1, so
///   `123-456-7890` is not reported).
///
/// Bare digit runs and `NXX NXX XXXX` with spaces are not reported: in tool
/// output they are mostly ids, amounts and table columns. The number must
/// stand alone: no letter or digit touching it, not continued by `.`/`-` and
/// more digits (`10.202.555.1234`).
public struct PhoneDetector: TextDetector {
    public let type = "phone"

    public init() {}

    static let internationalDigits = 8...15
    static let maxGroups = 8

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = nextCandidate(t, from: 0)
        while i < t.count {
            let b = t[i]
            var end: Int?
            if b == UInt8(ascii: "+") {
                end = international(t, plus: i)
            } else if t.isBoundary(before: i, Self.continuesNumber) {
                end = northAmerican(t, start: i)
            }
            if let end {
                findings.append(Finding(type: type, start: i, end: end))
                i = nextCandidate(t, from: end)
            } else {
                // Nothing starts inside a digit run: its digits follow a digit.
                i = nextCandidate(t, from: ASCII.isDigit(b) ? t.runEnd(from: i, ASCII.isDigit) : i + 1)
            }
        }
    }

    /// The next `+`, `(` or digit.
    func nextCandidate(_ t: ByteText, from start: Int) -> Int {
        let plus = UInt8(ascii: "+"), open = UInt8(ascii: "(")
        return t.firstIndex(
            from: start,
            wordMask: { WordMask.digits($0) | WordMask.equal($0, plus) | WordMask.equal($0, open) },
            byte: { ASCII.isDigit($0) || $0 == plus || $0 == open })
    }

    @inline(__always) static func continuesNumber(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == UInt8(ascii: "+") || b == ASCII.underscore
    }

    func international(_ t: ByteText, plus: Int) -> Int? {
        guard t.isBoundary(before: plus, Self.continuesNumber), ASCII.isDigit(t.at(plus + 1)), t.at(plus + 1) != 0x30 else {
            return nil
        }
        var p = plus + 1
        var digits = 0, groups = 0, firstGroup = 0
        while true {
            let groupEnd = t.runEnd(from: p, limit: Self.internationalDigits.upperBound + 1, ASCII.isDigit)
            digits += groupEnd - p
            groups += 1
            if groups == 1 { firstGroup = groupEnd - p }
            p = groupEnd
            guard digits <= Self.internationalDigits.upperBound, groups <= Self.maxGroups else { return nil }
            guard let next = groupSeparatorEnd(t, at: p) else { break }
            p = next
        }
        // Written in groups, the first is the 1–3 digit country code: `+2024-05-01` is a date.
        guard groups == 1 || firstGroup <= 3 else { return nil }
        guard Self.internationalDigits.contains(digits), t.isBoundary(after: p, Self.continuesNumber),
            !t.isJoinedToDigits(plus, p, joiners: [ASCII.dot, ASCII.dash])
        else { return nil }
        return p
    }

    /// The start of the next digit group after a separator at `p`: one of
    /// ` `, `-`, `.`, `(`, `)`, ` (`, `) `, `)-`, `).`; nil if no group follows.
    func groupSeparatorEnd(_ t: ByteText, at p: Int) -> Int? {
        let a = t.at(p), b = t.at(p + 1)
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        if ASCII.isDigit(b) && (a == ASCII.space || a == ASCII.dash || a == ASCII.dot || a == open || a == close) {
            return p + 1
        }
        let spaceOpen = a == ASCII.space && b == open
        let closeThenSeparator = a == close && (b == ASCII.space || b == ASCII.dash || b == ASCII.dot)
        if ASCII.isDigit(t.at(p + 2)) && (spaceOpen || closeThenSeparator) {
            return p + 2
        }
        return nil
    }

    func northAmerican(_ t: ByteText, start: Int) -> Int? {
        let p = start
        // Optional trunk prefix `1-`, `1.`, `1 ` before the area code.
        if t[p] == UInt8(ascii: "1"), [ASCII.dash, ASCII.dot, ASCII.space].contains(t.at(p + 1)),
            t.at(p + 2) == UInt8(ascii: "(") || Self.isN(t.at(p + 2))
        {
            if let end = northAmericanBody(t, at: p + 2), !t.isJoinedToDigits(start, end, joiners: [ASCII.dot, ASCII.dash]) {
                return end
            }
        }
        guard let end = northAmericanBody(t, at: p), !t.isJoinedToDigits(start, end, joiners: [ASCII.dot, ASCII.dash]) else {
            return nil
        }
        return end
    }

    /// `(NXX) NXX-XXXX` and friends, or `NXX-NXX-XXXX` / `NXX.NXX.XXXX`.
    func northAmericanBody(_ t: ByteText, at p: Int) -> Int? {
        var exchange: Int
        let separator: UInt8
        if t.at(p) == UInt8(ascii: "(") {
            guard Self.isNXX(t, p + 1), t.at(p + 4) == UInt8(ascii: ")") else { return nil }
            exchange = p + 5
            if t.at(exchange) == ASCII.space { exchange += 1 }
            separator = t.at(exchange + 3)
            guard separator == ASCII.dash || separator == ASCII.dot || separator == ASCII.space else { return nil }
        } else {
            guard Self.isNXX(t, p) else { return nil }
            separator = t.at(p + 3)
            guard separator == ASCII.dash || separator == ASCII.dot else { return nil }
            exchange = p + 4
        }
        guard Self.isNXX(t, exchange), t.at(exchange + 3) == separator else { return nil }
        let line = exchange + 4
        let end = line + 4
        for k in line..<end where !ASCII.isDigit(t.at(k)) { return nil }
        return t.isBoundary(after: end, Self.continuesNumber) ? end : nil
    }

    @inline(__always) static func isN(_ b: UInt8) -> Bool { b &- 0x32 < 8 }

    static func isNXX(_ t: ByteText, _ p: Int) -> Bool {
        isN(t.at(p)) && ASCII.isDigit(t.at(p + 1)) && ASCII.isDigit(t.at(p + 2))
    }
}
