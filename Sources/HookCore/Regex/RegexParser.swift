/// The regex syntax tree.
indirect enum RegexNode: Sendable {
    case empty
    case set(ByteSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    case assertion(RegexAssertion)
}

enum RegexAssertion: Sendable, Equatable {
    case textStart, textEnd, wordBoundary, notWordBoundary
}

/// Recursive-descent parser over the pattern bytes. Nesting depth and
/// repetition counts are bounded so a hostile pattern cannot exhaust memory.
struct RegexParser {
    let bytes: [UInt8]
    var i = 0
    var depth = 0
    static let maxDepth = 100
    static let maxCount = 1000

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try alternation(caseless: false)
        if i < bytes.count { throw error("unbalanced ')'") }
        return node
    }

    func error(_ message: String) -> RegexSyntaxError { RegexSyntaxError(offset: i, message: message) }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func alternation(caseless: Bool) throws(RegexSyntaxError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > RegexParser.maxDepth { throw error("groups nested too deeply") }
        var caseless = caseless
        var branches: [RegexNode] = []
        var items: [RegexNode] = []
        while let b = peek, b != UInt8(ascii: ")") {
            if b == UInt8(ascii: "|") {
                i += 1
                branches.append(.concat(items))
                items = []
                continue
            }
            // `(?i)` switches case-insensitivity on for the rest of this group.
            if b == UInt8(ascii: "("), bytes[i...].starts(with: Array("(?i)".utf8)) {
                i += 4
                caseless = true
                continue
            }
            var atom = try self.atom(caseless: caseless)
            atom = try quantified(atom)
            items.append(atom)
        }
        branches.append(.concat(items))
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func quantified(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while let b = peek {
            let bounds: (Int, Int?)
            switch b {
            case UInt8(ascii: "*"): bounds = (0, nil); i += 1
            case UInt8(ascii: "+"): bounds = (1, nil); i += 1
            case UInt8(ascii: "?"): bounds = (0, 1); i += 1
            case UInt8(ascii: "{"):
                guard let counted = try counts() else { return node }
                bounds = counted
            default: return node
            }
            if case .assertion = node { throw error("nothing to repeat") }
            if case .empty = node { throw error("nothing to repeat") }
            // Lazy and possessive suffixes do not change whether a match exists.
            if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { i += 1 }
            node = .repetition(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{m}`, `{m,}`, `{m,n}`; a `{` that does not start a count is a literal.
    mutating func counts() throws(RegexSyntaxError) -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9"), digits < 6 {
                value = value * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                j += 1
                digits += 1
            }
            return digits == 0 ? nil : value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if j < bytes.count, bytes[j] == UInt8(ascii: ",") {
            j += 1
            high = number()
        }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "}") else { return nil }
        if low > RegexParser.maxCount || (high ?? 0) > RegexParser.maxCount {
            throw error("repetition count above \(RegexParser.maxCount)")
        }
        if let high, high < low { throw error("repetition {\(low),\(high)} has max below min") }
        i = j + 1
        return (low, high)
    }

    mutating func atom(caseless: Bool) throws(RegexSyntaxError) -> RegexNode {
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "("):
            i += 1
            var inner = caseless
            if peek == UInt8(ascii: "?") {
                if bytes[i...].starts(with: Array("?:".utf8)) {
                    i += 2
                } else if bytes[i...].starts(with: Array("?i:".utf8)) {
                    i += 3
                    inner = true
                } else {
                    throw error("unsupported group syntax (lookaround and named groups cannot run in linear time)")
                }
            }
            let node = try alternation(caseless: inner)
            guard peek == UInt8(ascii: ")") else { throw error("missing ')'") }
            i += 1
            return node
        case UInt8(ascii: "["):
            return .set(try characterClass(caseless: caseless))
        case UInt8(ascii: "."):
            i += 1
            return .set(.notNewline)
        case UInt8(ascii: "^"):
            i += 1
            return .assertion(.textStart)
        case UInt8(ascii: "$"):
            i += 1
            return .assertion(.textEnd)
        case UInt8(ascii: "\\"):
            return try escape(caseless: caseless)
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw error("nothing to repeat")
        default:
            i += 1
            return .set(literal(b, caseless: caseless))
        }
    }

    func literal(_ b: UInt8, caseless: Bool) -> ByteSet {
        var set = ByteSet()
        set.insert(b)
        return caseless ? set.caseFolded() : set
    }

    mutating func escape(caseless: Bool) throws(RegexSyntaxError) -> RegexNode {
        i += 1
        guard let b = peek else { throw error("pattern ends with '\\'") }
        switch b {
        case UInt8(ascii: "A"): i += 1; return .assertion(.textStart)
        case UInt8(ascii: "z"), UInt8(ascii: "Z"): i += 1; return .assertion(.textEnd)
        case UInt8(ascii: "b"): i += 1; return .assertion(.wordBoundary)
        case UInt8(ascii: "B"): i += 1; return .assertion(.notWordBoundary)
        default:
            if let set = try classEscape() { return .set(caseless ? set.caseFolded() : set) }
            if b >= UInt8(ascii: "1") && b <= UInt8(ascii: "9") {
                throw error("backreferences are not supported (they cannot run in linear time)")
            }
            i += 1
            return .set(literal(b, caseless: caseless))
        }
    }

    /// Escapes that stand for a set, at `bytes[i]` just after the backslash;
    /// nil for a plain escaped literal (left unconsumed).
    mutating func classEscape() throws(RegexSyntaxError) -> ByteSet? {
        let b = bytes[i]
        var set: ByteSet
        switch b {
        case UInt8(ascii: "d"): set = .digits
        case UInt8(ascii: "D"): set = ByteSet.digits.inverted()
        case UInt8(ascii: "w"): set = .word
        case UInt8(ascii: "W"): set = ByteSet.word.inverted()
        case UInt8(ascii: "s"): set = .space
        case UInt8(ascii: "S"): set = ByteSet.space.inverted()
        case UInt8(ascii: "n"): set = ByteSet(); set.insert(10)
        case UInt8(ascii: "r"): set = ByteSet(); set.insert(13)
        case UInt8(ascii: "t"): set = ByteSet(); set.insert(9)
        case UInt8(ascii: "f"): set = ByteSet(); set.insert(12)
        case UInt8(ascii: "v"): set = ByteSet(); set.insert(11)
        case UInt8(ascii: "0"): set = ByteSet(); set.insert(0)
        case UInt8(ascii: "x"):
            guard i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else {
                throw error("\\x needs two hex digits")
            }
            set = ByteSet()
            set.insert(high << 4 | low)
            i += 3
            return set
        default:
            if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) {
                throw error("unknown escape '\\\(Character(Unicode.Scalar(b)))'")
            }
            return nil
        }
        i += 1
        return set
    }

    func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    mutating func characterClass(caseless: Bool) throws(RegexSyntaxError) -> ByteSet {
        let start = i
        i += 1
        var negated = false
        if peek == UInt8(ascii: "^") {
            negated = true
            i += 1
        }
        var set = ByteSet()
        var first = true
        while true {
            guard let b = peek else { i = start; throw error("missing ']'") }
            if b == UInt8(ascii: "]"), !first {
                i += 1
                break
            }
            first = false
            var low: UInt8
            if b == UInt8(ascii: "\\") {
                i += 1
                guard peek != nil else { throw error("pattern ends with '\\'") }
                if let escaped = try classEscape() {
                    set.formUnion(escaped)
                    continue
                }
                low = bytes[i]
            } else {
                low = b
            }
            i += 1
            if peek == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "]") {
                i += 1
                var high = bytes[i]
                if high == UInt8(ascii: "\\") {
                    i += 1
                    guard let escaped = peek else { throw error("pattern ends with '\\'") }
                    high = escaped
                }
                i += 1
                guard low <= high else { throw error("class range out of order") }
                set.insert(low...high)
            } else {
                set.insert(low)
            }
        }
        if caseless { set = set.caseFolded() }
        return negated ? set.inverted() : set
    }
}
