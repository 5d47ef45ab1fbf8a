/// AWS secret access keys: exactly 40 base64 characters (`A-Za-z0-9+/`) with a
/// keyword containing `secret` (`aws_secret_access_key`, `SecretAccessKey`,
/// `secret:`) in the 48 bytes before it or in its JSON key.
///
/// Forty base64 characters alone are too common (hashes, ids) to report. The
/// value must also mix upper case, lower case and digits, which every real key
/// does and a 40-hex git commit id next to the word "secret" does not.
public struct AWSSecretKeyDetector: TextDetector {
    public let type = "aws_secret_key"

    public init() {}

    static let keyword = Array("secret".utf8)
    static let keywords = [Keyword("secret")]
    static let keywordWindow = 48
    static let length = 40

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        if ByteText(label).containsKeyword(Self.keywords, in: 0..<label.count) {
            scanRuns(t, startingIn: 0..<t.count, into: &findings)
            return
        }
        // Keyword first: `secret` is rare, base64 runs are everywhere. A key
        // may start from the keyword's end to 48 bytes after its start.
        var examined = 0  // runs starting before this are done; keeps overlapping windows linear
        var s = t.firstIndex(of: UInt8(ascii: "s"), or: UInt8(ascii: "S"), from: 0)
        while s < t.count {
            if t.hasPrefixIgnoringCase(Self.keyword, at: s) {
                let first = max(examined, s + Self.keyword.count), last = min(t.count, s + Self.keywordWindow + 1)
                if first < last { examined = max(examined, scanRuns(t, startingIn: first..<last, into: &findings)) }
            }
            s = t.firstIndex(of: UInt8(ascii: "s"), or: UInt8(ascii: "S"), from: s + 1)
        }
    }

    /// Checks every base64 run that starts in `starts`; returns where it
    /// stopped looking (the end of the last run it read).
    @discardableResult
    func scanRuns(_ t: ByteText, startingIn starts: Range<Int>, into findings: inout [Finding]) -> Int {
        var i = starts.lowerBound
        // Inside a run that began earlier: that run is not a candidate.
        if i > 0 && i < t.count && ASCII.isBase64(t[i]) && !t.isBoundary(before: i, ASCII.isBase64) {
            i = t.runEnd(from: i, ASCII.isBase64)
        }
        while i < starts.upperBound {
            guard ASCII.isBase64(t[i]), !t.isEscapeLetter(at: i) else { i += 1; continue }
            // A 41st character means a longer blob; a trailing `=` means base64 padding.
            let end = t.runEnd(from: i, limit: Self.length + 1, ASCII.isBase64)
            if end - i == Self.length, t.at(end) != UInt8(ascii: "="), Self.isMixed(t, i, end) {
                findings.append(Finding(type: type, start: i, end: end))
            }
            i = t.runEnd(from: end, ASCII.isBase64)
        }
        return i
    }

    static func isMixed(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        var upper = false, lower = false, digit = false
        for k in start..<end {
            let b = t[k]
            if ASCII.isUpper(b) { upper = true } else if ASCII.isLower(b) { lower = true } else if ASCII.isDigit(b) { digit = true }
        }
        return upper && lower && digit
    }
}
