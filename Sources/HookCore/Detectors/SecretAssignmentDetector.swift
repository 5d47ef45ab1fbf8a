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

    /// First bytes of the keywords, both cases.
    static let firstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for keyword in keywords {
            table[Int(keyword[0])] = true
            table[Int(keyword[0] & 0xDF)] = true
        }
        return table
    }()

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
        var i = 0
        while i < t.count {
            guard Self.firstBytes[Int(t[i])], let keyword = Self.keywords.first(where: { t.hasPrefixIgnoringCase($0, at: i) }) else {
                i += 1
                continue
            }
            if let (start, end) = assignment(t, afterKeyword: i + keyword.count) {
                findings.append(Finding(type: type, start: start, end: end))
                i = end
            } else {
                i += keyword.count
            }
        }
    }

    /// `[name chars]["'] *(=|:|:=|=>) *["']value`; returns the value's range.
    func assignment(_ t: ByteText, afterKeyword k: Int) -> (Int, Int)? {
        var p = t.runEnd(from: k, limit: 32) { ASCII.isAlnum($0) || $0 == ASCII.underscore || $0 == ASCII.dash }
        if t.at(p) == UInt8(ascii: "\"") || t.at(p) == UInt8(ascii: "'") { p += 1 }
        p = t.runEnd(from: p, limit: 4) { $0 == ASCII.space || $0 == 0x09 }
        let a = t.at(p), b = t.at(p + 1)
        if a == UInt8(ascii: "=") && b == UInt8(ascii: ">") || a == UInt8(ascii: ":") && b == UInt8(ascii: "=") {
            p += 2
        } else if (a == UInt8(ascii: "=") && b != UInt8(ascii: "=")) || a == UInt8(ascii: ":") {
            p += 1
        } else {
            return nil
        }
        p = t.runEnd(from: p, limit: 4) { $0 == ASCII.space || $0 == 0x09 }
        var quote: UInt8 = 0
        if t.at(p) == UInt8(ascii: "\"") || t.at(p) == UInt8(ascii: "'") {
            quote = t.at(p)
            p += 1
        }
        guard let end = valueEnd(t, from: p) else { return nil }
        // A quoted value must close with its quote, or it was cut somewhere odd.
        if quote != 0 && t.at(end) != quote && !(t.at(end) == ASCII.backslash && t.at(end + 1) == quote) { return nil }
        return (p, end)
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
