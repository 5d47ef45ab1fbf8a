/// A lazily built DFA over a regex program: each state is the set of NFA
/// threads alive before a byte (plus the context assertions need), and
/// transitions are computed on first use and cached for the rest of the
/// input. Every byte costs one table lookup once its transition is known, and
/// at most one closure of the program (O(program size)) when it is not, so
/// the run stays linear. The cache is per call: no shared mutable state.
struct RegexDFA {
    let code: [RegexInstruction]
    /// States kept before the cache is flushed, bounding memory.
    static let maxStates = 1024
    static let unknown: Int32 = -1
    static let matched: Int32 = -2

    struct Key: Hashable {
        var kernel: [Int32]
        var flags: UInt8
    }

    var index: [Key: Int32] = [:]
    var kernels: [[Int32]] = []
    var flags: [UInt8] = []
    var table: [Int32] = []
    var endMatch: [Int8] = []
    // Scratch space for closures.
    var mark: [Int]
    var generation = 0
    var stack: [Int32] = []
    var flushes = 0

    static let atStart: UInt8 = 1
    static let afterWord: UInt8 = 2

    init(code: [RegexInstruction]) {
        self.code = code
        self.mark = [Int](repeating: -1, count: code.count)
    }

    mutating func state(_ kernel: [Int32], _ flags: UInt8) -> Int32 {
        let key = Key(kernel: kernel, flags: flags)
        if let id = index[key] { return id }
        let id = Int32(kernels.count)
        index[key] = id
        kernels.append(kernel)
        self.flags.append(flags)
        table.append(contentsOf: repeatElement(RegexDFA.unknown, count: 256))
        endMatch.append(-1)
        return id
    }

    /// Byte-test pcs reachable from `kernel` without consuming input, in the
    /// given context; nil when the match instruction is reachable.
    mutating func closure(_ kernel: [Int32], flags: UInt8, atEnd: Bool, nextIsWord: Bool) -> [Int32]? {
        generation += 1
        var out: [Int32] = []
        stack.removeAll(keepingCapacity: true)
        for pc in kernel.reversed() { stack.append(pc) }
        while let pc32 = stack.popLast() {
            let pc = Int(pc32)
            if mark[pc] == generation { continue }
            mark[pc] = generation
            switch code[pc] {
            case .byte: out.append(pc32)
            case .match: return nil
            case let .jump(target): stack.append(Int32(target))
            case let .split(a, b):
                stack.append(Int32(b))
                stack.append(Int32(a))
            case let .assert(kind):
                let holds: Bool
                switch kind {
                case .textStart: holds = flags & RegexDFA.atStart != 0
                case .textEnd: holds = atEnd
                case .wordBoundary, .notWordBoundary:
                    let boundary = (flags & RegexDFA.afterWord != 0) != nextIsWord
                    holds = boundary == (kind == .wordBoundary)
                }
                if holds { stack.append(pc32 + 1) }
            }
        }
        return out
    }

    mutating func transition(from state: Int32, on byte: UInt8) -> Int32 {
        let isWord = ByteSet.word.contains(byte)
        guard let threads = closure(kernels[Int(state)], flags: flags[Int(state)], atEnd: false, nextIsWord: isWord) else {
            return RegexDFA.matched
        }
        var next: [Int32] = []
        for pc in threads {
            guard case let .byte(set) = code[Int(pc)], set.contains(byte) else { continue }
            next.append(pc + 1)
        }
        // Unanchored search: a new thread starts at every position.
        next.append(0)
        next.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(next.count)
        for pc in next where unique.last != pc { unique.append(pc) }
        if kernels.count >= RegexDFA.maxStates { flush() }
        return self.state(unique, isWord ? RegexDFA.afterWord : 0)
    }

    mutating func flush() {
        flushes += 1
        index.removeAll(keepingCapacity: true)
        kernels.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        table.removeAll(keepingCapacity: true)
        endMatch.removeAll(keepingCapacity: true)
    }

    mutating func search(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var current = state([0], RegexDFA.atStart)
        for byte in text {
            var next = table[Int(current) << 8 | Int(byte)]
            if next == RegexDFA.unknown {
                let flushesBefore = flushes
                next = transition(from: current, on: byte)
                if next == RegexDFA.matched { return true }
                // A flush renumbers states: `current`'s row is gone then.
                if flushes == flushesBefore { table[Int(current) << 8 | Int(byte)] = next }
            }
            if next == RegexDFA.matched { return true }
            current = next
        }
        let id = Int(current)
        if endMatch[id] < 0 {
            endMatch[id] = closure(kernels[id], flags: flags[id], atEnd: true, nextIsWord: false) == nil ? 1 : 0
        }
        return endMatch[id] == 1
    }
}
