/// Bash brace expansion of comma lists: `{rm,-rf,/}` is three words and
/// `r{m,}` is `rm r`, so hiding a command in braces does not hide it.
/// Sequences (`{1..3}`) stay as text. Output is bounded.
enum BraceExpansion {
    static let maximumResults = 64
    /// Longer words are left as written: real brace lists are short.
    static let maximumWordLength = 4096
    private static let maximumSteps = 256
    private static let maximumWork = 1 << 20

    private enum Atom {
        case byte(UInt8)
        case part(WordPart)
    }

    /// The alternatives, or nil when the word has no expandable group (or
    /// would expand past the bounds, in which case it stays as written).
    static func expand(_ parts: [WordPart]) -> [[WordPart]]? {
        guard mayExpand(parts) else { return nil }
        var atoms: [Atom] = []
        for part in parts {
            if case .literal(let bytes, quoted: false) = part {
                for byte in bytes { atoms.append(.byte(byte)) }
            } else {
                atoms.append(.part(part))
            }
        }
        var pending: [[Atom]] = [atoms]
        var done: [[Atom]] = []
        var steps = 0
        var work = 0
        var expanded = false
        while let item = pending.popLast() {
            steps += 1
            work += item.count
            guard steps <= maximumSteps, work <= maximumWork else { return nil }
            guard let group = outermostGroup(item) else {
                done.append(item)
                continue
            }
            expanded = true
            var alternatives: [[Atom]] = []
            var start = group.open + 1
            for stop in group.commas + [group.close] {
                alternatives.append(Array(item[..<group.open]) + item[start..<stop] + item[(group.close + 1)...])
                start = stop + 1
            }
            pending.append(contentsOf: alternatives.reversed())
            guard done.count + pending.count <= maximumResults else { return nil }
        }
        return expanded ? done.map(parts(from:)) : nil
    }

    private static func mayExpand(_ parts: [WordPart]) -> Bool {
        var open = false
        var comma = false
        var length = 0
        for part in parts {
            guard case .literal(let bytes, quoted: false) = part else { continue }
            length += bytes.count
            if length > maximumWordLength { return false }
            if bytes.contains(Byte.openBrace) { open = true }
            if bytes.contains(Byte.comma) { comma = true }
        }
        return open && comma
    }

    /// The leftmost outermost `{...}` with a top-level comma, in one pass.
    private static func outermostGroup(_ atoms: [Atom]) -> (open: Int, close: Int, commas: [Int])? {
        var stack: [(open: Int, commas: [Int])] = []
        var best: (open: Int, close: Int, commas: [Int])?
        for (position, atom) in atoms.enumerated() {
            guard case .byte(let byte) = atom else { continue }
            switch byte {
            case Byte.openBrace:
                stack.append((position, []))
            case Byte.comma where !stack.isEmpty:
                stack[stack.count - 1].commas.append(position)
            case Byte.closeBrace:
                guard let group = stack.popLast() else { continue }
                if !group.commas.isEmpty, best == nil || group.open < best!.open {
                    best = (group.open, position, group.commas)
                }
            default:
                continue
            }
        }
        return best
    }

    private static func parts(from atoms: [Atom]) -> [WordPart] {
        var builder = WordBuilder()
        for atom in atoms {
            switch atom {
            case .byte(let byte): builder.literal(byte, quoted: false)
            case .part(let part): builder.part(part)
            }
        }
        return builder.finish()
    }
}
