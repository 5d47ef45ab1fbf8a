#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular expression matched in linear time: the pattern compiles to a
/// small program that a Pike VM runs over the input bytes, keeping at most one
/// thread per instruction. No backtracking, so no input can make it slow:
/// the cost is O(pattern size × input size) at worst.
///
/// Supported: literals, `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their
/// negations), groups `(...)` `(?:...)`, alternation `|`, `? * +` (lazy forms
/// accepted, same result), `{m}` `{m,}` `{m,n}`, anchors `^ $ \A \z`, word
/// boundaries `\b \B`, and the case-insensitive flag `(?i)` / `(?i:...)`.
/// Backreferences and lookaround are rejected: they cannot run in linear time.
public struct LinearRegex: Sendable, CustomStringConvertible {
    public let pattern: String
    let box: ProgramBox

    /// Compiles now: a bad pattern is reported here.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        self.box = ProgramBox(try LinearRegex.compile(pattern))
    }

    /// A pattern already checked (the compiled built-in pack): compiled on
    /// first use, so a hook call only pays for the rules it evaluates.
    public init(verified pattern: String) {
        self.pattern = pattern
        self.box = ProgramBox(nil)
    }

    static func compile(_ pattern: String) throws(RegexSyntaxError) -> RegexProgram {
        var parser = RegexParser(Array(pattern.utf8))
        return try RegexCompiler.compile(try parser.parse())
    }

    var program: RegexProgram { box.program(for: pattern) }

    public var description: String { pattern }

    /// True when the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { program.search($0) }
    }

    public func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool { program.search(bytes) }
}

/// The compiled program, built once under a lock (policies are shared
/// between threads in tests and long-running tools).
final class ProgramBox: @unchecked Sendable {
    private var value: RegexProgram?
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: RegexProgram?) {
        self.value = value
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    func program(for pattern: String) -> RegexProgram {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let value { return value }
        // Verified when the pack was compiled; a failure here is a build defect,
        // and the hook's crash posture blocks the call.
        let compiled = try! LinearRegex.compile(pattern)
        value = compiled
        return compiled
    }
}

/// A pattern the regex engine cannot compile, with the byte offset of the problem.
public struct RegexSyntaxError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
    public var description: String { "\(message) at offset \(offset)" }
}

/// 256-bit byte set.
struct ByteSet: Sendable, Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: ByteSet, b: ByteSet) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func insert(_ range: ClosedRange<UInt8>) { for b in range { insert(b) } }
    mutating func formUnion(_ other: ByteSet) {
        words.0 |= other.words.0
        words.1 |= other.words.1
        words.2 |= other.words.2
        words.3 |= other.words.3
    }

    func inverted() -> ByteSet {
        var set = ByteSet()
        set.words = (~words.0, ~words.1, ~words.2, ~words.3)
        return set
    }

    /// Adds the other case of every ASCII letter.
    func caseFolded() -> ByteSet {
        var set = self
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") where contains(b) || contains(b - 32) {
            set.insert(b)
            set.insert(b - 32)
        }
        return set
    }

    static let digits: ByteSet = { var s = ByteSet(); s.insert(UInt8(ascii: "0")...UInt8(ascii: "9")); return s }()
    static let word: ByteSet = {
        var s = digits
        s.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
        s.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        s.insert(UInt8(ascii: "_"))
        return s
    }()
    static let space: ByteSet = {
        var s = ByteSet()
        for b in [9, 10, 11, 12, 13, 32] as [UInt8] { s.insert(b) }
        return s
    }()
    static let notNewline: ByteSet = { var s = ByteSet(); s.insert(10); return s.inverted() }()
}
