/// The bytes a detector scans, with the look-around rules the detectors share.
/// Reads outside the text return 0, which no pattern contains, so look-arounds
/// need no bounds checks of their own.
struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    @inline(__always) subscript(i: Int) -> UInt8 { bytes[i] }

    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }

    /// True when a token may start at `start`: the byte before it is not one of
    /// `continues`. A JSON escape such as `\n` or `\t` also counts as a
    /// separator, because tool output often carries JSON-encoded text
    /// (`"key":"\nAKIA…"`).
    @inline(__always)
    func isBoundary(before start: Int, _ continues: (UInt8) -> Bool) -> Bool {
        guard start > 0 else { return true }
        let previous = bytes[start - 1]
        return !continues(previous) || isEscapeLetter(at: start - 1)
    }

    @inline(__always)
    func isBoundary(after end: Int, _ continues: (UInt8) -> Bool) -> Bool {
        end >= bytes.count || !continues(bytes[end])
    }

    /// The letter of a `\n`, `\r` or `\t` escape.
    @inline(__always)
    func isEscapeLetter(at i: Int) -> Bool {
        let b = at(i)
        return (b == 0x6E || b == 0x72 || b == 0x74) && at(i - 1) == ASCII.backslash
    }

    /// True when a number at `start..<end` continues on either side through a
    /// joiner (`1.5`, `2024-…`): then it is part of a longer number, not a value
    /// of its own.
    func isJoinedToDigits(_ start: Int, _ end: Int, joiners: [UInt8]) -> Bool {
        (joiners.contains(at(start - 1)) && ASCII.isDigit(at(start - 2)))
            || (joiners.contains(at(end)) && ASCII.isDigit(at(end + 1)))
    }

    /// The end of the run of `member` bytes starting at `start`, looking at no
    /// more than `limit` bytes.
    @inline(__always)
    func runEnd(from start: Int, limit: Int = Int.max, _ member: (UInt8) -> Bool) -> Int {
        let stop = limit >= bytes.count - start ? bytes.count : start + limit
        var i = start
        while i < stop && member(bytes[i]) { i += 1 }
        return i
    }

    @inline(__always)
    func hasPrefix(_ literal: [UInt8], at i: Int) -> Bool {
        guard i >= 0, literal.count <= bytes.count - i else { return false }
        for k in 0..<literal.count where bytes[i + k] != literal[k] { return false }
        return true
    }

    /// `literal` must be lowercase.
    func hasPrefixIgnoringCase(_ literal: [UInt8], at i: Int) -> Bool {
        guard i >= 0, literal.count <= bytes.count - i else { return false }
        for k in 0..<literal.count where ASCII.lowercased(bytes[i + k]) != literal[k] { return false }
        return true
    }

    /// Whether any keyword occurs wholly inside `range`. Callers keep `range`
    /// short (a window before a candidate), so this stays linear overall.
    func containsKeyword(_ keywords: [Keyword], in range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound), upper = min(bytes.count, range.upperBound)
        guard lower < upper else { return false }
        for keyword in keywords {
            let first = keyword.text[0]
            var i = lower
            while i + keyword.text.count <= upper {
                if ASCII.lowercased(bytes[i]) == first && keyword.matches(self, at: i) { return true }
                i += 1
            }
        }
        return false
    }
}

/// A case-insensitive keyword that makes a nearby value count, such as `ssn`.
struct Keyword: Sendable {
    /// Lowercase.
    let text: [UInt8]
    /// Whole-word keywords must not touch letters: `ssn` in `classname` is no keyword.
    let wholeWord: Bool

    init(_ text: String, wholeWord: Bool = false) {
        self.text = Array(text.utf8)
        self.wholeWord = wholeWord
    }

    func matches(_ text: ByteText, at i: Int) -> Bool {
        guard text.hasPrefixIgnoringCase(self.text, at: i) else { return false }
        guard wholeWord else { return true }
        return !ASCII.isLetter(text.at(i - 1)) && !ASCII.isLetter(text.at(i + self.text.count))
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }
}
