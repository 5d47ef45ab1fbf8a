/// Literal secrets assigned to a name that says so: `password = "…"`,
/// `DB_PASSWORD=…`, `api_key: …`, `"client_secret": "…"`, and a JSON string
/// under such a key. Only the value is reported.
///
/// A value counts when it looks like a literal secret rather than code or a
/// placeholder: 8–256 characters with no spaces, quotes, parentheses, `$`,
/// `{` or `<` (`getToken()`, `${TOKEN}`, `<your-key>`), at least two
/// character classes, and Shannon entropy of at least `minimumEntropy` bits
/// per character (`changeme`, `password` and `string` fall below).
public struct SecretAssignmentDetector: TextDetector {
    public let type = "secret_assignment"

    public init() {}

    static let keywords = ["password", "passwd", "passphrase", "pwd", "secret", "token", "api_key", "apikey", "api-key",
        "access_key", "private_key", "auth_key", "credential"].map { Array($0.utf8) }
    static let labelKeywords = keywords.map { Keyword(String(decoding: $0, as: UTF8.self)) }
    static let minimumEntropy = 3.0
    static let lengths = 8...256
    static let placeholders = ["changeme", "example", "placeholder", "xxxx", "****", "redacted", "your_", "your-", "dummy", "secret"]

    /// Lower-cased first two bytes of the keywords: most `p`, `s`, `t`, `a`
    /// in text are followed by something else, and are dismissed with one lookup.
    /// Bit set of the keywords' first two bytes (8 KiB, not a 64 KiB table:
    /// every hook process builds it for the audit summary).
    static let firstPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for keyword in keywords {
            let pair = Int(keyword[0]) << 8 | Int(keyword[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    static func startsKeyword(_ a: UInt8, _ b: UInt8) -> Bool {
        let pair = Int(a) << 8 | Int(b)
        return firstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        if label.count > 0, ByteText(label).containsKeyword(Self.labelKeywords, in: 0..<label.count),
            let end = valueEnd(t, from: 0), end == t.count
        {
            findings.append(Finding(type: type, start: 0, end: end))
            return
        }
        // Driven by the operator: `=` and `:` are far rarer than the letters
        // keywords start with. The name before it must hold a keyword.
        var reportedUpTo = 0
        var i = t.firstIndex(of: UInt8(ascii: "="), or: UInt8(ascii: ":"), from: 0)
        while i < t.count {
            if let (start, end) = assignment(t, operatorAt: i), start >= reportedUpTo {
                findings.append(Finding(type: type, start: start, end: end))
                reportedUpTo = end
                i = t.firstIndex(of: UInt8(ascii: "="), or: UInt8(ascii: ":"), from: end)
            } else {
                i = t.firstIndex(of: UInt8(ascii: "="), or: UInt8(ascii: ":"), from: i + 1)
            }
        }
    }

    static let maxName = 64

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == ASCII.underscore || b == ASCII.dash || b == ASCII.dot
    }

    /// `name["'] *(=|:|:=|=>) *["']value` around the operator at `i`, the
    /// name holding a keyword; returns the value's range.
    func assignment(_ t: ByteText, operatorAt i: Int) -> (Int, Int)? {
        let a = t[i], next = t.at(i + 1), previous = t.at(i - 1)
        var p: Int
        if a == UInt8(ascii: "=") {
            // Comparisons are not assignments: `==`, `!=`, `<=`, `>=`.
            if next == a || previous == a || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "<")
                || previous == UInt8(ascii: ">") || previous == UInt8(ascii: ":")
            {
                return nil
            }
            p = next == UInt8(ascii: ">") ? i + 2 : i + 1
        } else {
            if next == a || previous == a { return nil }  // `::`
            p = next == UInt8(ascii: "=") ? i + 2 : i + 1
        }
        // The name: back over blanks, a closing quote, then name bytes.
        var nameEnd = i
        var blanks = 0
        while nameEnd > 0 && blanks < 4 && (t[nameEnd - 1] == ASCII.space || t[nameEnd - 1] == 0x09) { nameEnd -= 1; blanks += 1 }
        if nameEnd > 0 && (t[nameEnd - 1] == UInt8(ascii: "\"") || t[nameEnd - 1] == UInt8(ascii: "'")) { nameEnd -= 1 }
        if nameEnd > 0 && t[nameEnd - 1] == ASCII.backslash { nameEnd -= 1 }  // `\"` in JSON-encoded text
        var nameStart = nameEnd
        while nameStart > 0 && nameEnd - nameStart < Self.maxName && Self.isNameByte(t[nameStart - 1]) { nameStart -= 1 }
        guard nameEnd - nameStart >= 3, hasKeyword(t, nameStart, nameEnd) else { return nil }
        p = t.runEnd(from: p, limit: 4) { $0 == ASCII.space || $0 == 0x09 }
        var quote: UInt8 = 0
        if t.at(p) == ASCII.backslash && t.at(p + 1) == UInt8(ascii: "\"") { p += 1 }
        if t.at(p) == UInt8(ascii: "\"") || t.at(p) == UInt8(ascii: "'") {
            quote = t.at(p)
            p += 1
        }
        guard let end = valueEnd(t, from: p) else { return nil }
        // A quoted value must close with its quote, or it was cut somewhere odd.
        if quote != 0 && t.at(end) != quote && !(t.at(end) == ASCII.backslash && t.at(end + 1) == quote) { return nil }
        return (p, end)
    }

    /// A keyword inside `start..<end`: one pair lookup per byte, a full
    /// compare only where a keyword's first two bytes sit.
    func hasKeyword(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k + 1 < end {
            if Self.startsKeyword(ASCII.lowercased(t[k]), ASCII.lowercased(t[k + 1])),
                Self.keywords.contains(where: { k + $0.count <= end && t.hasPrefixIgnoringCase($0, at: k) })
            {
                return true
            }
            k += 1
        }
        return false
    }

    static func isValueByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "^"),
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "$")].contains(b)
    }

    /// The end of a literal secret value starting at `p`, or nil.
    func valueEnd(_ t: ByteText, from p: Int) -> Int? {
        let end = t.runEnd(from: p, limit: Self.lengths.upperBound + 1, Self.isValueByte)
        guard Self.lengths.contains(end - p) else { return nil }
        let next = t.at(end)
        // Code, not a literal: a call, an interpolation, a placeholder.
        if next == UInt8(ascii: "(") || next == UInt8(ascii: "{") || next == UInt8(ascii: "<") || next == UInt8(ascii: "[") {
            return nil
        }
        if t[p] == UInt8(ascii: "$") { return nil }  // `$VAR`, `${VAR}`
        guard Self.looksRandom(t, p, end) else { return nil }
        return end
    }

    static func looksRandom(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        var counts = [Int](repeating: 0, count: 256)
        var upper = false, lower = false, digit = false, other = false
        for k in start..<end {
            let b = t[k]
            counts[Int(b)] += 1
            if ASCII.isUpper(b) { upper = true } else if ASCII.isLower(b) { lower = true } else if ASCII.isDigit(b) { digit = true } else { other = true }
        }
        let classes = [upper, lower, digit, other].filter { $0 }.count
        guard classes >= 2 else { return false }
        // Names, not values: `process.env.GITHUB_TOKEN`, `GITHUB_TOKEN`,
        // `accessToken`, `a/b/c` hold no digit and no symbol beyond `_ . - /`.
        var symbol = false
        for k in start..<end where !ASCII.isAlnum(t[k]) && ![ASCII.underscore, ASCII.dot, ASCII.dash, UInt8(ascii: "/")].contains(t[k]) {
            symbol = true
        }
        if !digit && !symbol { return false }
        for placeholder in placeholders where t.containsKeyword([Keyword(placeholder)], in: start..<end) { return false }
        return Entropy.shannon(counts, total: end - start) >= minimumEntropy
    }
}

/// Shannon entropy without Foundation: log2 from the binary exponent and an
/// atanh series for the significand.
enum Entropy {
    static func shannon(_ counts: [Int], total: Int) -> Double {
        guard total > 0 else { return 0 }
        var entropy = 0.0
        let n = Double(total)
        for count in counts where count > 0 {
            let p = Double(count) / n
            entropy -= p * log2(p)
        }
        return entropy
    }

    static func log2(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        let exponent = Double(x.exponent)
        let s = x.significand  // [1, 2)
        let y = (s - 1) / (s + 1), y2 = y * y
        var term = y, sum = 0.0
        for k in stride(from: 1, through: 15, by: 2) {
            sum += term / Double(k)
            term *= y2
        }
        return exponent + 2 * sum / 0.6931471805599453
    }
}
