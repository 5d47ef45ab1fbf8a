/// Path glob: `*` and `?` stay within one path segment, `**` crosses segments,
/// `[abc]` is a class. Matching walks the set of reachable text positions token
/// by token, so it costs O(pattern × text) at worst, never exponential time.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let tokens: [Token]

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
    }

    public var description: String { pattern }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    /// True for `./...` patterns, which match paths relative to the working directory.
    public var isRelative: Bool { pattern.hasPrefix("./") }

    /// Path matching: `*`, `?` and classes stop at `/`. With `path: false` the
    /// text is not a path (a command, a URL) and `*` matches any text.
    public func matches(_ text: String, path: Bool = true) -> Bool {
        let t = Array(text.utf8)
        let slash: UInt8 = path ? UInt8(ascii: "/") : 0xFF
        // Dynamic programming over (token, byte) keeps the worst case polynomial.
        var current = [Bool](repeating: false, count: t.count + 1)
        current[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: t.count + 1)
            switch token {
            case .star:
                var reachable = false
                for j in 0...t.count {
                    if j > 0, t[j - 1] == slash { reachable = false }
                    if current[j] { reachable = true }
                    next[j] = reachable
                }
            case .globstar:
                var reachable = false
                for j in 0...t.count {
                    if current[j] { reachable = true }
                    next[j] = reachable
                }
            case .globstarSlash:
                var seen = false
                for j in 0...t.count {
                    next[j] = current[j] || (seen && t[j - 1] == UInt8(ascii: "/"))
                    if current[j] { seen = true }
                }
            case .any:
                for j in 0..<t.count where current[j] && t[j] != slash { next[j + 1] = true }
            case let .literal(b):
                for j in 0..<t.count where current[j] && t[j] == b { next[j + 1] = true }
            case let .set(members, negated):
                for j in 0..<t.count where current[j] && t[j] != slash {
                    if Glob.setContains(members, t[j]) != negated { next[j + 1] = true }
                }
            }
            current = next
            if !current.contains(true) { return false }
        }
        return current[t.count]
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
