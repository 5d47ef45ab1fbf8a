/// Reading a number written as digit groups (`2345 6789 0123`,
/// `08xx-xxxx-xxxx`) from the start of a digit run. Shared by the national id
/// and phone detectors; every call reads a bounded number of bytes.
struct DigitGroups {
    var digits: [UInt8] = []
    var groupLengths: [Int] = []
    var end = 0

    /// Reads groups joined by one `separator` kind (` ` or `-`; 0 for none)
    /// starting at `start`, at most `maxDigits` digits.
    static func read(_ t: ByteText, from start: Int, separators: [UInt8], maxDigits: Int) -> DigitGroups {
        var result = DigitGroups()
        var p = start
        var separator: UInt8 = 0
        while true {
            let groupEnd = t.runEnd(from: p, limit: maxDigits + 1 - result.digits.count, ASCII.isDigit)
            for k in p..<groupEnd { result.digits.append(t[k] - 0x30) }
            result.groupLengths.append(groupEnd - p)
            p = groupEnd
            guard result.digits.count <= maxDigits else { break }
            let next = t.at(p)
            guard separators.contains(next), separator == 0 || separator == next, ASCII.isDigit(t.at(p + 1)) else { break }
            separator = next
            p += 1
        }
        result.end = p
        return result
    }

    var count: Int { digits.count }

    func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1) } }
}

extension ByteText {
    /// True when the number at `start..<end` stands alone: no letter, digit or
    /// `_` touching it, and not part of a longer dotted or dashed number.
    func standsAlone(_ start: Int, _ end: Int) -> Bool {
        let word: (UInt8) -> Bool = { ASCII.isAlnum($0) || $0 == ASCII.underscore }
        return isBoundary(before: start, word) && isBoundary(after: end, word)
            && !isJoinedToDigits(start, end, joiners: [ASCII.dot, ASCII.dash])
    }

    /// Whether a keyword sits in the `window` bytes before `start`, or in the label.
    func hasKeyword(_ keywords: [Keyword], before start: Int, window: Int, label: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteText(label).containsKeyword(keywords, in: 0..<label.count) || containsKeyword(keywords, in: (start - window)..<start)
    }
}
