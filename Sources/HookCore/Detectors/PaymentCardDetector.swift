/// Payment card numbers (PANs).
///
/// - 13–19 digits, either contiguous or in groups split by single spaces or
///   single dashes (one separator kind; first group of 4, later groups of 2–6,
///   as cards print: 4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3, 4-4-4-4-2).
/// - Luhn-valid, and the length fits the brand's IIN prefix (see `Brand`).
/// - The digits must stand alone: no letter, digit or `_` touching them, and
///   not continued through `.` or `-` by more digits (`0.4111…` is a float,
///   `2024-4111…` an id). A grouped number must be the whole group sequence:
///   `1234 4111 1111 1111 1111` is a table row, not a card.
public struct PaymentCardDetector: TextDetector {
    public let type = "credit_card"

    public init() {}

    static let maxGroups = 8

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstDigit(from: 0)
        while i < t.count {
            let runEnd = t.runEnd(from: i, ASCII.isDigit)
            if let end = match(t, start: i, firstRunEnd: runEnd) {
                findings.append(Finding(type: type, start: i, end: end))
                i = t.firstDigit(from: end)
            } else {
                i = t.firstDigit(from: runEnd)
            }
        }
    }

    @inline(__always) static func isWord(_ b: UInt8) -> Bool { ASCII.isAlnum(b) || b == ASCII.underscore }

    func match(_ t: ByteText, start: Int, firstRunEnd: Int) -> Int? {
        guard t.isBoundary(before: start, Self.isWord) else { return nil }
        let firstLength = firstRunEnd - start
        let separator = t.at(firstRunEnd)
        var end = firstRunEnd
        var digits = firstLength
        if firstLength == 4 && (separator == ASCII.space || separator == ASCII.dash) && ASCII.isDigit(t.at(firstRunEnd + 1)) {
            // Grouped: a number before it joined by the same separator means a table row.
            guard !(t.at(start - 1) == separator && ASCII.isDigit(t.at(start - 2))) else { return nil }
            var groups = 1
            while t.at(end) == separator && ASCII.isDigit(t.at(end + 1)) {
                let groupEnd = t.runEnd(from: end + 1, limit: 7, ASCII.isDigit)
                let length = groupEnd - end - 1
                groups += 1
                guard length >= 2, length <= 6, groups <= Self.maxGroups else { return nil }
                digits += length
                end = groupEnd
            }
        }
        guard digits >= 13, digits <= 19 else { return nil }
        guard t.isBoundary(after: end, Self.isWord),
            !t.isJoinedToDigits(start, end, joiners: [ASCII.dot, ASCII.dash])
        else { return nil }
        guard Brand.accepts(prefix: Self.prefix(t, start), length: digits), Self.passesLuhn(t, start, end) else { return nil }
        return end
    }

    /// The first four digits as a number; they are contiguous in every accepted layout.
    static func prefix(_ t: ByteText, _ start: Int) -> Int {
        (0..<4).reduce(0) { $0 * 10 + ASCII.digitValue(t[start + $1]) }
    }

    static func passesLuhn(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        var sum = 0
        var double = false
        var i = end - 1
        while i >= start {
            let b = t[i]
            i -= 1
            guard ASCII.isDigit(b) else { continue }
            var d = ASCII.digitValue(b)
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// Issuer prefixes and the lengths cards are actually issued in. Schemes
    /// reserve more lengths (Diners and JCB up to 19) than they use; every
    /// extra length accepted lets more hex and numeric tables through (DER
    /// in hex starts `30`, Diners' prefix).
    enum Brand {
        static func accepts(prefix p4: Int, length: Int) -> Bool {
            let p1 = p4 / 1000, p2 = p4 / 100, p3 = p4 / 10
            if p1 == 4 { return length == 13 || length == 16 || length == 19 }  // Visa
            if (51...55).contains(p2) || (2221...2720).contains(p4) { return length == 16 }  // Mastercard
            if p2 == 34 || p2 == 37 { return length == 15 }  // American Express
            if p4 == 6011 || p2 == 65 || (644...649).contains(p3) { return length == 16 || length == 19 }  // Discover
            if (3528...3589).contains(p4) { return length == 16 }  // JCB
            if (300...305).contains(p3) || p4 == 3095 { return length == 14 }  // Diners Club (Carte Blanche)
            if p2 == 36 || p2 == 38 || p2 == 39 { return length == 14 || length == 16 }  // Diners Club International
            if p2 == 62 { return length == 16 || length == 19 }  // UnionPay
            return false
        }
    }
}
