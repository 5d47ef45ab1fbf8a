/// Tokens that announce themselves with a fixed prefix (`ghp_`, `xoxb-`,
/// `sk-ant-`…) followed by a run of token characters of bounded length.
///
/// The token must start a word: the byte before the prefix may be neither a
/// letter, a digit, nor a body character. That keeps `task-…` from reading as
/// `sk-…`, and it keeps the scan linear: a body run is read once, since no
/// candidate can start inside it. A body longer than `lengths` is not reported
/// (it is some other, longer token), nor is one followed by a body character
/// that the length cap cut off.
public struct PrefixedTokenDetector: TextDetector {
    public let type: String
    let prefixes: [[UInt8]]
    let anchor: (offset: Int, byte: UInt8)?
    let excludedPrefixes: [[UInt8]]
    let body: TokenCharacters
    let lengths: ClosedRange<Int>
    let shape: TokenShape

    public init(
        type: String, prefixes: [String], excluding excludedPrefixes: [String] = [], body: TokenCharacters,
        lengths: ClosedRange<Int>, shape: TokenShape = .any
    ) {
        self.type = type
        self.prefixes = prefixes.map { Array($0.utf8) }.filter { !$0.isEmpty }
        self.anchor = Self.anchor(for: self.prefixes)
        self.excludedPrefixes = excludedPrefixes.map { Array($0.utf8) }
        self.body = body
        self.lengths = lengths
        self.shape = shape
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = nextCandidate(t, from: 0)
        while i < t.count {
            if let end = match(t, at: i) {
                findings.append(Finding(type: type, start: i, end: end))
                i = nextCandidate(t, from: end)
            } else {
                i = nextCandidate(t, from: i + 1)
            }
        }
    }

    /// The next position, at or after `start`, where a prefix could begin:
    /// found by searching for the anchor byte, else any prefix's first byte.
    func nextCandidate(_ t: ByteText, from start: Int) -> Int {
        if let anchor {
            let found = t.firstIndex(of: anchor.byte, from: start + anchor.offset)
            return found < t.count ? found - anchor.offset : t.count
        }
        var i = start
        while i < t.count && !prefixes.contains(where: { $0[0] == t[i] }) { i += 1 }
        return i
    }

    /// A byte that every prefix has at the same offset, the rarest such in
    /// ordinary text (`z` of `AIza`, `x` of `xoxb-`): searching for a rare
    /// byte skips more text per hit of the word-at-a-time search.
    static func anchor(for prefixes: [[UInt8]]) -> (offset: Int, byte: UInt8)? {
        guard let shortest = prefixes.map(\.count).min(), shortest > 0 else { return nil }
        var best: (offset: Int, byte: UInt8, score: Int)?
        for offset in 0..<shortest {
            let byte = prefixes[0][offset]
            guard prefixes.allSatisfy({ $0[offset] == byte }) else { continue }
            let score = commonness(byte)
            if best == nil || score < best!.score { best = (offset, byte, score) }
        }
        return best.map { ($0.offset, $0.byte) }
    }

    /// Rough frequency rank in English text and code; lower is rarer.
    static func commonness(_ b: UInt8) -> Int {
        if let rank = lettersByFrequency.firstIndex(of: ASCII.lowercased(b)) {
            return ASCII.isUpper(b) ? 5 : lettersByFrequency.count - rank
        }
        return ASCII.isDigit(b) || b == ASCII.dash || b == ASCII.underscore ? 20 : 10
    }

    static let lettersByFrequency = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)

    func match(_ t: ByteText, at i: Int) -> Int? {
        guard let prefix = prefixes.first(where: { t.hasPrefix($0, at: i) }),
            !excludedPrefixes.contains(where: { t.hasPrefix($0, at: i) }),
            t.isBoundary(before: i, { ASCII.isAlnum($0) || body.contains($0) })
        else { return nil }
        let bodyStart = i + prefix.count
        let end = t.runEnd(from: bodyStart, limit: min(lengths.upperBound, Int.max - 1) + 1, body.contains)
        guard lengths.contains(end - bodyStart), t.isBoundary(after: end, ASCII.isAlnum),
            shape.accepts(t, bodyStart, end)
        else { return nil }
        return end
    }
}

/// The characters a token body may contain.
public enum TokenCharacters: Sendable {
    /// `A-Za-z0-9`
    case alphanumeric
    /// `A-Za-z0-9_`
    case alphanumericUnderscore
    /// `A-Za-z0-9-`
    case alphanumericDash
    /// `A-Za-z0-9_-`
    case base64URL

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        switch self {
        case .alphanumeric: ASCII.isAlnum(b)
        case .alphanumericUnderscore: ASCII.isAlnum(b) || b == ASCII.underscore
        case .alphanumericDash: ASCII.isAlnum(b) || b == ASCII.dash
        case .base64URL: ASCII.isBase64URL(b)
        }
    }
}

/// Extra evidence a body must show when its prefix alone is too common.
public enum TokenShape: Sendable {
    case any
    /// Random-looking: contains a letter and a digit, and some stretch of at
    /// least `minimumUnbroken` characters without `-` or `_`. Keeps
    /// `sk-my-long-branch-name-for-the-2024-release` from reading as a key.
    case random(minimumUnbroken: Int)

    func accepts(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        guard case let .random(minimumUnbroken) = self else { return true }
        var letter = false, digit = false
        var unbroken = 0, longest = 0
        for k in start..<end {
            let b = t[k]
            if ASCII.isLetter(b) { letter = true } else if ASCII.isDigit(b) { digit = true }
            if b == ASCII.dash || b == ASCII.underscore { unbroken = 0 } else { unbroken += 1 }
            longest = max(longest, unbroken)
        }
        return letter && digit && longest >= minimumUnbroken
    }
}
