/// One piece of a word as the lexer saw it, before expansion.
enum WordPart {
    case literal([UInt8], quoted: Bool)
    /// `~` or `~user` at the start of a word or of an assignment value.
    case tilde(user: [UInt8])
    case parameter(ParameterReference, quoted: Bool)
    case substitution(Substitution, quoted: Bool)
}

/// `$NAME`, `${NAME}`, `${NAME:-word}` and friends.
struct ParameterReference {
    var name: [UInt8]
    var operation: ParameterOperation
    /// The text as written; an unknown value expands to this marker.
    var source: [UInt8]
}

enum ParameterOperation {
    case plain
    case length
    /// `${X:-w}` / `${X-w}` (and the `=` forms): the word when unset (or empty).
    case fallback(ifEmpty: Bool, word: [WordPart])
    /// `${X:+w}` / `${X+w}`: the word when set (and non-empty).
    case alternative(ifEmpty: Bool, word: [WordPart])
    case substring(offset: Int, length: Int?)
    /// Pattern removal, replacement, case changes, indirection, arrays.
    case unsupported
}

/// `$(...)`, backticks, `$((...))`, `<(...)` / `>(...)`. Its output is
/// usually not knowable, so it expands to its own source text, marked
/// unresolved.
struct Substitution {
    var source: [UInt8]
    /// The decoder program whose output this substitution yields (`base64`
    /// for `$(echo ... | base64 -d)`), so feeding it to a shell can be flagged.
    var decoder: String?
    /// The output when it is fixed by the command line itself:
    /// `$(cat <<'EOF' ... EOF)`, `$(echo text)`, `$(printf '%s' text)`.
    var output: [UInt8]?

    init(source: [UInt8], decoder: String? = nil, output: [UInt8]? = nil) {
        self.source = source
        self.decoder = decoder
        self.output = output
    }

    init(source: [UInt8], produced: ShellCollector.Produced) {
        self.init(source: source, decoder: produced.decoder, output: produced.output)
    }
}

/// A word token: its parts plus where it stood in the source.
struct Word {
    /// A word that is one run of plain unquoted bytes (most words): a slice
    /// of the source, so it costs no copy and no parts array.
    private(set) var plain: ArraySlice<UInt8>?
    /// nil for plain words, so copying one retains a single buffer.
    private var storedParts: [WordPart]?
    var start: Int
    var end: Int
    /// `NAME=(a b c)`: an array assignment, whose value the analyzer does not model.
    var isArrayAssignment = false

    init(parts: [WordPart], start: Int, end: Int, isArrayAssignment: Bool = false) {
        self.storedParts = parts
        self.start = start
        self.end = end
        self.isArrayAssignment = isArrayAssignment
    }

    init(plain: ArraySlice<UInt8>, start: Int, end: Int) {
        self.plain = plain
        self.storedParts = nil
        self.start = start
        self.end = end
    }

    var parts: [WordPart] {
        if let plain { return [.literal(Array(plain), quoted: false)] }
        return storedParts ?? []
    }

    /// The bytes of a word that is a single unquoted literal, for keywords.
    var plainBytes: ArraySlice<UInt8>? {
        if let plain { return plain }
        guard let parts = storedParts, parts.count == 1, case .literal(let bytes, quoted: false) = parts[0] else { return nil }
        return bytes[...]
    }

    func isPlain(_ text: String) -> Bool {
        guard let bytes = plainBytes else { return false }
        return bytes.elementsEqual(text.utf8)
    }

    /// Cheap check for `assignment != nil`.
    var isAssignment: Bool {
        if let plain {
            guard let equals = plain.firstIndex(of: Byte.equals), equals > plain.startIndex else { return false }
            let name = plain[..<equals]
            return Byte.isName(name.last == Byte.plus ? name.dropLast() : name)
        }
        return assignment != nil
    }

    /// `NAME=value` / `NAME+=value` with an unquoted valid name.
    var assignment: (name: String, value: [WordPart], appends: Bool)? {
        let bytes: [UInt8]
        if let plain {
            guard plain.contains(Byte.equals) else { return nil }
            bytes = Array(plain)
        } else if case .literal(let first, quoted: false)? = storedParts?.first {
            bytes = first
        } else {
            return nil
        }
        guard let equals = bytes.firstIndex(of: Byte.equals), equals > 0 else { return nil }
        var nameEnd = equals
        let appends = bytes[equals - 1] == Byte.plus
        if appends { nameEnd -= 1 }
        guard Byte.isName(bytes[0..<nameEnd]) else { return nil }
        var value: [WordPart] = []
        if equals + 1 < bytes.count { value.append(.literal(Array(bytes[(equals + 1)...]), quoted: false)) }
        if let storedParts { value.append(contentsOf: storedParts.dropFirst()) }
        return (bytes[0..<nameEnd].string, value, appends)
    }

    /// A word made from operator text, used inside `[[ ]]`.
    static func synthetic(_ text: String) -> Word {
        Word(parts: [.literal(Array(text.utf8), quoted: true)], start: 0, end: 0)
    }
}

extension ArraySlice where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
}

/// Accumulates a word's parts, merging adjacent literal bytes of the same
/// quoting so a word like `abc` is one part, not three.
struct WordBuilder {
    private(set) var parts: [WordPart] = []
    private var pending: [UInt8] = []
    private var pendingQuoted = false
    private var hasPending = false

    mutating func literal(_ byte: UInt8, quoted: Bool) {
        if hasPending, pendingQuoted != quoted { flush() }
        pending.append(byte)
        pendingQuoted = quoted
        hasPending = true
    }

    /// Appends literal bytes; an empty quoted run still makes the word exist (`""`).
    mutating func literal(_ bytes: ArraySlice<UInt8>, quoted: Bool) {
        if hasPending, pendingQuoted != quoted { flush() }
        pending.append(contentsOf: bytes)
        pendingQuoted = quoted
        hasPending = true
    }

    mutating func literal(_ bytes: [UInt8], quoted: Bool) {
        literal(bytes[...], quoted: quoted)
    }

    /// Opens a quoted run even if nothing follows, so `""` is a word.
    mutating func beginQuoted() {
        if hasPending, !pendingQuoted { flush() }
        pendingQuoted = true
        hasPending = true
    }

    mutating func part(_ part: WordPart) {
        flush()
        parts.append(part)
    }

    mutating func finish() -> [WordPart] {
        flush()
        return parts
    }

    /// True while the word so far is an unquoted variable name (or `NAME+`):
    /// the next `=` starts an assignment value (where `~` and `(` are special).
    var isAssignmentName: Bool {
        parts.isEmpty && hasPending && !pendingQuoted && Byte.isAssignmentName(pending[...])
    }

    private mutating func flush() {
        guard hasPending else { return }
        parts.append(.literal(pending, quoted: pendingQuoted))
        pending = []
        hasPending = false
    }
}

/// One expanded word (a "field" in POSIX terms) plus what the analyzer knows
/// about how trustworthy it is. The bytes are a slice so a plain word's field
/// shares the source buffer.
struct Field {
    var bytes: ArraySlice<UInt8> = []
    /// Holds an expansion whose real value is unknown (kept as written).
    var isUnresolved = false
    /// Holds an unquoted `*`, `?` or `[` the shell would glob.
    var hasGlob = false
    /// Came from the output of a decoder (see `Substitution.decoder`).
    var decoder: String?

    init(bytes: ArraySlice<UInt8> = [], isUnresolved: Bool = false) {
        self.bytes = bytes
        self.isUnresolved = isUnresolved
    }

    init(bytes: [UInt8], isUnresolved: Bool = false) {
        self.init(bytes: bytes[...], isUnresolved: isUnresolved)
    }

    init(_ text: String) { self.bytes = Array(text.utf8)[...] }

    var string: String { bytes.string }

    mutating func absorbFlags(of other: Field) {
        if other.isUnresolved { isUnresolved = true }
        if other.hasGlob { hasGlob = true }
        if let decoder = other.decoder { self.decoder = decoder }
    }
}
