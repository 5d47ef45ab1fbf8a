/// Path glob: `*` and `?` stay within one path segment, `**` crosses segments,
/// `[abc]` is a class. Matching walks the set of reachable text positions token
/// by token, so it costs O(pattern × text) at worst, never exponential time.
/// A final class: rules hold hundreds of globs and the engine passes them
/// around on every decision; a reference copies with one retain.
public final class Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    /// One code per token (`Code`): a plain integer array, so building and
    /// copying a glob retains nothing per token.
    private let tokens: [UInt16]
    /// Character classes, referenced by `Code.set + index`.
    private let sets: [CharacterClass]
    /// Literal bytes before the first wildcard and after the last one: most
    /// texts are rejected by these two comparisons without the general walk.
    private let prefixCount: Int
    private let suffixCount: Int
    /// True for `./...` patterns, which match paths relative to the working directory.
    public let isRelative: Bool

    /// Token codes: below 256 a literal byte.
    enum Code {
        static let any: UInt16 = 256          // ?
        static let star: UInt16 = 257         // *
        static let globstar: UInt16 = 258     // ** (any text, slashes included)
        static let globstarSlash: UInt16 = 259 // **/ (nothing, or any text ending at a slash)
        static let set: UInt16 = 512          // [abc], [!abc]: 512 + index into `sets`
    }

    struct CharacterClass: Sendable {
        var members: [UInt8]
        var negated: Bool
    }

    public convenience init(_ pattern: String) {
        var tokens: [UInt16] = []
        var sets: [CharacterClass] = []
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
                        tokens.append(Code.globstarSlash)
                        i += 1
                    } else {
                        tokens.append(Code.globstar)
                    }
                    continue
                }
                tokens.append(Code.star)
            case UInt8(ascii: "?"): tokens.append(Code.any)
            case UInt8(ascii: "["):
                if let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close > i + 1 {
                    var members = Array(bytes[(i + 1)..<close])
                    let negated = members.first == UInt8(ascii: "!") || members.first == UInt8(ascii: "^")
                    if negated { members.removeFirst() }
                    tokens.append(Code.set + UInt16(sets.count))
                    sets.append(CharacterClass(members: members, negated: negated))
                    i = close
                } else {
                    tokens.append(UInt16(b))
                }
            case UInt8(ascii: "\\") where i + 1 < bytes.count:
                i += 1
                tokens.append(UInt16(bytes[i]))
            default: tokens.append(UInt16(b))
            }
            i += 1
        }
        self.init(pattern: pattern, tokens: tokens, sets: sets)
    }

    private init(pattern: String, tokens: [UInt16], sets: [CharacterClass]) {
        self.pattern = pattern
        self.tokens = tokens
        self.sets = sets
        self.isRelative = pattern.hasPrefix("./")
        var prefixCount = 0
        while prefixCount < tokens.count, tokens[prefixCount] < 256 { prefixCount += 1 }
        var suffixCount = 0
        if prefixCount < tokens.count {
            while tokens[tokens.count - 1 - suffixCount] < 256 { suffixCount += 1 }
        }
        self.prefixCount = prefixCount
        self.suffixCount = suffixCount
    }

    /// `~/rest` with the home directory in front, taken literally (a `*` in a
    /// home path is not a wildcard). Other patterns come back unchanged.
    public func expandingHome(_ home: String) -> Glob {
        guard pattern.hasPrefix("~/") else { return self }
        var expanded = home.utf8.map { UInt16($0) }
        expanded += tokens.dropFirst()
        return Glob(pattern: home + pattern.dropFirst(), tokens: expanded, sets: sets)
    }

    /// The byte of a token known to be a literal.
    private func literal(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: tokens[index]) }

    public var description: String { pattern }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

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
        // two rows of reachable positions, on the stack for ordinary paths.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * (n + 1)) { rows in
            var current = UnsafeMutableBufferPointer(rebasing: rows[0...n])
            var next = UnsafeMutableBufferPointer(rebasing: rows[(n + 1)...])
            current.initialize(repeating: false)
            next.initialize(repeating: false)
            current[prefixCount] = true
            for token in tokens[prefixCount...] {
                var any = false
                switch token {
                case Code.star:
                    var reachable = false
                    for j in 0...n {
                        if j > 0, t[j - 1] == slash { reachable = false }
                        if current[j] { reachable = true }
                        next[j] = reachable
                        any = any || reachable
                    }
                case Code.globstar:
                    var reachable = false
                    for j in 0...n {
                        if current[j] { reachable = true }
                        next[j] = reachable
                        any = any || reachable
                    }
                case Code.globstarSlash:
                    var seen = false
                    for j in 0...n {
                        next[j] = current[j] || (seen && t[j - 1] == UInt8(ascii: "/"))
                        if current[j] { seen = true }
                        any = any || next[j]
                    }
                default:
                    next[0] = false
                    for j in 0..<n {
                        next[j + 1] = false
                        guard current[j] else { continue }
                        let b = t[j]
                        let ok: Bool
                        if token < 256 {
                            ok = b == UInt8(token)
                        } else if token == Code.any {
                            ok = b != slash
                        } else {
                            let set = sets[Int(token - Code.set)]
                            ok = b != slash && Glob.setContains(set.members, b) != set.negated
                        }
                        if ok { next[j + 1] = true; any = true }
                    }
                }
                if !any { return false }
                swap(&current, &next)
            }
            return current[n]
        }
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
