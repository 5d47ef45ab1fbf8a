/// Path glob: `*` and `?` stay within one path segment, `**` crosses segments,
/// `[abc]` is a class. Matching walks the set of reachable text positions token
/// by token, so it costs O(pattern × text) at worst, never exponential time.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let tokens: [Token]
    /// Literal bytes before the first wildcard and after the last one: most
    /// texts are rejected by these two comparisons without the general walk.
    private let prefixCount: Int
    private let suffixCount: Int

    enum Token: Sendable, Equatable {
        case literal(UInt8)
        case any          // ?
        case star         // *
        case globstar     // ** (any text, slashes included)
        case globstarSlash // **/ (nothing, or any text ending at a slash)
        case set([UInt8], negated: Bool)
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var tokens: [Token] = []
        tokens.reserveCapacity(pattern.utf8.count)
        let bytes = Array(pattern.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "*"):
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                    i += 2
                    if i < bytes.count, bytes[i] == UInt8(ascii: "/") {
                        tokens.append(.globstarSlash)
                        i += 1
                    } else {
                        tokens.append(.globstar)
                    }
                    continue
                }
                tokens.append(.star)
            case UInt8(ascii: "?"): tokens.append(.any)
            case UInt8(ascii: "["):
                if let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close > i + 1 {
                    var members = Array(bytes[(i + 1)..<close])
                    let negated = members.first == UInt8(ascii: "!") || members.first == UInt8(ascii: "^")
                    if negated { members.removeFirst() }
                    tokens.append(.set(members, negated: negated))
                    i = close
                } else {
                    tokens.append(.literal(b))
                }
            case UInt8(ascii: "\\") where i + 1 < bytes.count:
                i += 1
                tokens.append(.literal(bytes[i]))
            default: tokens.append(.literal(b))
            }
            i += 1
        }
        self.tokens = tokens
        var prefixCount = 0
        while prefixCount < tokens.count, case .literal = tokens[prefixCount] { prefixCount += 1 }
        var suffixCount = 0
        if prefixCount < tokens.count {
            while case .literal = tokens[tokens.count - 1 - suffixCount] { suffixCount += 1 }
        }
        self.prefixCount = prefixCount
        self.suffixCount = suffixCount
    }

    /// The byte of a token known to be a literal.
    private func literal(_ index: Int) -> UInt8 {
        if case let .literal(b) = tokens[index] { return b }
        return 0
    }

    public var description: String { pattern }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    /// True for `./...` patterns, which match paths relative to the working directory.
    public var isRelative: Bool { pattern.hasPrefix("./") }

    /// Path matching: `*`, `?` and classes stop at `/`. With `path: false` the
    /// text is not a path (a command, a URL) and `*` matches any text.
    public func matches(_ text: String, path: Bool = true) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0, path: path) }
    }

    func matches(bytes t: UnsafeBufferPointer<UInt8>, path: Bool) -> Bool {
        let n = t.count
        if prefixCount == tokens.count {
            guard n == prefixCount else { return false }
            for i in 0..<n where t[i] != literal(i) { return false }
            return true
        }
        guard n >= prefixCount + suffixCount else { return false }
        for i in 0..<prefixCount where t[i] != literal(i) { return false }
        for i in 0..<suffixCount where t[n - suffixCount + i] != literal(tokens.count - suffixCount + i) { return false }
        let slash: UInt8 = path ? UInt8(ascii: "/") : 0xFF
        // Dynamic programming over (token, byte) keeps the worst case polynomial;
        // two buffers are reused for every token.
        var current = [Bool](repeating: false, count: n + 1)
        var next = current
        current[prefixCount] = true
        for token in tokens[prefixCount...] {
            var any = false
            switch token {
            case .star:
                var reachable = false
                for j in 0...n {
                    if j > 0, t[j - 1] == slash { reachable = false }
                    if current[j] { reachable = true }
                    next[j] = reachable
                    any = any || reachable
                }
            case .globstar:
                var reachable = false
                for j in 0...n {
                    if current[j] { reachable = true }
                    next[j] = reachable
                    any = any || reachable
                }
            case .globstarSlash:
                var seen = false
                for j in 0...n {
                    next[j] = current[j] || (seen && t[j - 1] == UInt8(ascii: "/"))
                    if current[j] { seen = true }
                    any = any || next[j]
                }
            case .any, .literal, .set:
                next[0] = false
                for j in 0..<n {
                    next[j + 1] = false
                    guard current[j] else { continue }
                    let b = t[j]
                    let ok: Bool
                    switch token {
                    case .any: ok = b != slash
                    case let .literal(l): ok = b == l
                    case let .set(members, negated): ok = b != slash && Glob.setContains(members, b) != negated
                    default: ok = false
                    }
                    if ok { next[j + 1] = true; any = true }
                }
            }
            if !any { return false }
            swap(&current, &next)
        }
        return current[n]
    }

    static func setContains(_ members: [UInt8], _ b: UInt8) -> Bool {
        var i = 0
        while i < members.count {
            if i + 2 < members.count, members[i + 1] == UInt8(ascii: "-") {
                if b >= members[i] && b <= members[i + 2] { return true }
                i += 3
            } else {
                if members[i] == b { return true }
                i += 1
            }
        }
        return false
    }
}
