/// One instruction of a compiled regex.
enum RegexInstruction: Sendable {
    case byte(ByteSet)
    case split(Int, Int)
    case jump(Int)
    case assert(RegexAssertion)
    case match
}

/// Compiles a syntax tree to a Pike VM program.
enum RegexCompiler {
    static let maxInstructions = 50_000

    static func compile(_ node: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        var code: [RegexInstruction] = []
        try emit(node, into: &code)
        code.append(.match)
        return RegexProgram(code: code)
    }

    static func emit(_ node: RegexNode, into code: inout [RegexInstruction]) throws(RegexSyntaxError) {
        if code.count > maxInstructions {
            throw RegexSyntaxError(offset: 0, message: "pattern too large after expanding repetitions")
        }
        switch node {
        case .empty: break
        case let .set(set): code.append(.byte(set))
        case let .assertion(kind): code.append(.assert(kind))
        case let .concat(items): for item in items { try emit(item, into: &code) }
        case let .alternation(branches):
            // split L1, next; L1: branch; jump end; next: split ...
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = code.count
                    code.append(.split(split + 1, 0))
                    try emit(branch, into: &code)
                    jumps.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(branch, into: &code)
                }
            }
            for jump in jumps { code[jump] = .jump(code.count) }
        case let .repetition(inner, min, max):
            for _ in 0..<min { try emit(inner, into: &code) }
            if let max {
                // Optional copies: split over each one.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(code.count)
                    code.append(.split(code.count + 1, 0))
                    try emit(inner, into: &code)
                }
                for split in splits { code[split] = .split(split + 1, code.count) }
            } else {
                // L: split body, end; body; jump L
                let loop = code.count
                code.append(.split(loop + 1, 0))
                try emit(inner, into: &code)
                code.append(.jump(loop))
                code[loop] = .split(loop + 1, code.count)
            }
        }
    }
}

/// A compiled regex and the Pike VM that runs it.
struct RegexProgram: Sendable {
    let code: [RegexInstruction]
    /// Bytes that can start a match, when the program starts with plain byte
    /// tests; lets the search skip ahead while no thread is alive.
    let firstBytes: ByteSet?

    init(code: [RegexInstruction]) {
        self.code = code
        self.firstBytes = RegexProgram.firstByteSet(code)
    }

    static func firstByteSet(_ code: [RegexInstruction]) -> ByteSet? {
        var set = ByteSet()
        var seen = [Bool](repeating: false, count: code.count)
        var stack = [0]
        while let pc = stack.popLast() {
            if seen[pc] { continue }
            seen[pc] = true
            switch code[pc] {
            case let .byte(bytes): set.formUnion(bytes)
            case let .split(a, b): stack.append(b); stack.append(a)
            case let .jump(target): stack.append(target)
            case .assert, .match: return nil
            }
        }
        return set
    }

    static func isWord(_ b: UInt8) -> Bool { ByteSet.word.contains(b) }

    /// Unanchored search: true when the pattern matches anywhere. Short
    /// texts run on the Pike VM (no state building); longer ones on a lazy DFA.
    func search(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.count < 256 { return pikeSearch(text) }
        var dfa = RegexDFA(code: code)
        return dfa.search(text)
    }

    /// The Pike VM: one thread per instruction, no caching.
    func pikeSearch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = code.count
        var current = [Int](), next = [Int]()
        current.reserveCapacity(n)
        next.reserveCapacity(n)
        // mark[pc] == generation means pc is already on the list for this step.
        var mark = [Int](repeating: -1, count: n)
        var stack = [Int]()
        stack.reserveCapacity(n)
        var generation = 0
        var position = 0
        let count = text.count

        // Adds pc and everything reachable through epsilon moves at `position`.
        func addThread(_ start: Int, to list: inout [Int], at position: Int) -> Bool {
            stack.append(start)
            while let pc = stack.popLast() {
                if mark[pc] == generation { continue }
                mark[pc] = generation
                switch code[pc] {
                case .byte: list.append(pc)
                case .match: stack.removeAll(keepingCapacity: true); return true
                case let .jump(target): stack.append(target)
                case let .split(a, b):
                    stack.append(b)
                    stack.append(a)
                case let .assert(kind):
                    let before: UInt8? = position > 0 ? text[position - 1] : nil
                    let after: UInt8? = position < count ? text[position] : nil
                    let holds: Bool
                    switch kind {
                    case .textStart: holds = position == 0
                    case .textEnd: holds = position == count
                    case .wordBoundary, .notWordBoundary:
                        let boundary = (before.map(RegexProgram.isWord) ?? false) != (after.map(RegexProgram.isWord) ?? false)
                        holds = boundary == (kind == .wordBoundary)
                    }
                    if holds { stack.append(pc + 1) }
                }
            }
            return false
        }

        while true {
            // Marks left by a step that produced no thread must not hide pcs now.
            if current.isEmpty { generation += 1 }
            if current.isEmpty, let firstBytes {
                // No live thread: jump to the next byte that can start a match.
                while position < count, !firstBytes.contains(text[position]) { position += 1 }
                if position == count { return false }
            }
            // A new thread starts at every position (unanchored search).
            if addThread(0, to: &current, at: position) { return true }
            if position == count { return false }
            let b = text[position]
            generation += 1
            next.removeAll(keepingCapacity: true)
            for pc in current {
                guard case let .byte(set) = code[pc], set.contains(b) else { continue }
                if addThread(pc + 1, to: &next, at: position + 1) { return true }
            }
            swap(&current, &next)
            position += 1
        }
    }
}
