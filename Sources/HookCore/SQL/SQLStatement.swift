/// One statement's code tokens with paren depths, and the small queries the
/// pattern checks share. Every query looks at a bounded window, so checking
/// a statement stays linear in its length.
struct SQLStatement {
    let t: [SQLToken]
    /// Paren depth of each token (a `(` has the depth outside it).
    let depth: [Int]

    init(_ tokens: [SQLToken]) {
        t = tokens
        var depth: [Int] = []
        depth.reserveCapacity(tokens.count)
        var d = 0
        for token in tokens {
            if token.isOp(")") { d = max(0, d - 1) }
            depth.append(d)
            if token.isOp("(") { d += 1 }
        }
        self.depth = depth
    }

    /// Longest window any check reads after a token.
    static let window = 64

    var count: Int { t.count }
    subscript(k: Int) -> SQLToken? { k >= 0 && k < t.count ? t[k] : nil }

    func isWord(_ k: Int, _ upper: String) -> Bool { self[k]?.isWord(upper) ?? false }
    func isOp(_ k: Int, _ op: String) -> Bool { self[k]?.isOp(op) ?? false }
    func word(_ k: Int) -> String? { self[k].flatMap { $0.kind == .word ? $0.text : nil } }

    /// The first word, or for `WITH … AS (…)` the first top-level DML keyword after the CTEs.
    var verb: String? {
        guard let first = word(0) else { return nil }
        guard first == "WITH" else { return first }
        for k in 1..<count where depth[k] == 0 {
            if let w = word(k), ["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"].contains(w) { return w }
        }
        return first
    }

    /// Indices of `NAME(` calls (the name may be qualified: `dbms_lock.sleep(`).
    func calls(_ names: Set<String>) -> [Int] {
        var found: [Int] = []
        for k in 0..<count where t[k].kind == .word && isOp(k + 1, "(") && names.contains(t[k].text) { found.append(k) }
        return found
    }

    /// The arguments of the call at `k`, split at top-level commas, up to
    /// `window` tokens.
    func arguments(ofCallAt k: Int) -> [[SQLToken]] {
        var args: [[SQLToken]] = [[]]
        let base = depth[k] + 1
        var m = k + 2
        while m < count && m < k + 2 + Self.window {
            if depth[m] < base { break }
            if depth[m] == base && t[m].isOp(",") { args.append([]) } else { args[args.count - 1].append(t[m]) }
            m += 1
        }
        return args.count == 1 && args[0].isEmpty ? [] : args
    }

    /// Tokens from `k` up to the end of the clause at that depth, at most `window`.
    func clause(from k: Int, stopWords: Set<String>) -> Range<Int> {
        guard k < count else { return count..<count }
        let base = depth[k]
        var m = k
        while m < count && m < k + Self.window {
            if depth[m] < base || (depth[m] == base && (t[m].isOp(")") || (t[m].kind == .word && stopWords.contains(t[m].text)))) {
                break
            }
            m += 1
        }
        return k..<m
    }

    /// Whether a depth-0 `WHERE` follows index `k` in this statement.
    func hasTopLevelWhere(after k: Int) -> Int? {
        var m = k
        while m < count {
            if depth[m] == 0 && t[m].isWord("WHERE") { return m }
            m += 1
        }
        return nil
    }
}
