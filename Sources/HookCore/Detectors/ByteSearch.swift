/// Finding a detector's trigger byte eight bytes at a time (SWAR). Most of
/// any output contains no trigger at all, and every detector scans all of
/// it, so skipping clean stretches a word at a time is what keeps the
/// redactor within its per-megabyte budget.
extension ByteText {
    /// The first index at or after `start` whose byte equals `target`, or `count`.
    func firstIndex(of target: UInt8, from start: Int) -> Int {
        firstIndex(from: start, wordMask: { WordMask.equal($0, target) }, byte: { $0 == target })
    }

    func firstIndex(of a: UInt8, or b: UInt8, from start: Int) -> Int {
        firstIndex(from: start, wordMask: { WordMask.equal($0, a) | WordMask.equal($0, b) }, byte: { $0 == a || $0 == b })
    }

    /// The first ASCII digit at or after `start`, or `count`.
    func firstDigit(from start: Int) -> Int {
        firstIndex(from: start, wordMask: WordMask.digits, byte: ASCII.isDigit)
    }

    /// The first ASCII letter or digit at or after `start`, or `count`.
    func firstAlnum(from start: Int) -> Int {
        firstIndex(from: start, wordMask: WordMask.alnums, byte: ASCII.isAlnum)
    }

    /// The first byte at or after `start` that is not an ASCII letter or digit, or `count`.
    func firstNonAlnum(from start: Int) -> Int {
        firstIndex(from: start, wordMask: { ~WordMask.alnums($0) & WordMask.highs }, byte: { !ASCII.isAlnum($0) })
    }

    /// `wordMask` sets the high bit of each byte lane that matches; only its
    /// lowest set bit has to be exact. `byte` says the same for a single byte.
    @inline(__always)
    func firstIndex(from start: Int, wordMask: (UInt64) -> UInt64, byte: (UInt8) -> Bool) -> Int {
        guard start >= 0, let base = bytes.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= count {
            let mask = wordMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < count && !byte(bytes[i]) { i += 1 }
        return i
    }
}

/// Per-byte-lane tests on a little-endian word of eight bytes.
enum WordMask {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// High bit set in lanes equal to `target` (exact up to the lowest match:
    /// borrows may mark lanes above it).
    @inline(__always) static func equal(_ word: UInt64, _ target: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(target))
        return (x &- ones) & ~x & highs
    }

    /// High bit set in lanes holding `0`–`9`. Exact: the additions on 7-bit
    /// lanes never carry into the next lane.
    @inline(__always) static func digits(_ word: UInt64) -> UInt64 {
        let low7 = word & ~highs
        let atLeast0 = low7 &+ ones &* 0x50  // lane >= 0x30
        let atLeastColon = low7 &+ ones &* 0x46  // lane >= 0x3A
        return atLeast0 & ~atLeastColon & ~word & highs
    }

    /// High bit set in lanes holding `A`–`Z` or `a`–`z`. Exact, like `digits`:
    /// setting 0x20 folds upper case onto lower case and maps no other byte
    /// into `a`–`z`.
    @inline(__always) static func letters(_ word: UInt64) -> UInt64 {
        let low7 = (word | ones &* 0x20) & ~highs
        let atLeastA = low7 &+ ones &* 0x1F  // lane >= 0x61
        let pastZ = low7 &+ ones &* 0x05  // lane >= 0x7B
        return atLeastA & ~pastZ & ~word & highs
    }

    /// High bit set in lanes holding an ASCII letter or digit. Exact.
    @inline(__always) static func alnums(_ word: UInt64) -> UInt64 { digits(word) | letters(word) }
}
