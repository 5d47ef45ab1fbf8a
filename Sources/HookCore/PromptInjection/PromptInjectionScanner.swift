/// Finds text that tries to steer the model reading it: orders to ignore
/// earlier instructions, role hijacks, requests for the system prompt, and
/// tool-call markup smuggled into data.
///
/// The text is read as a stream of lower-cased words (letters and digits);
/// each pattern is a short sequence of word alternatives, some optional,
/// tried at each word. Patterns are at most a few words long and the optional
/// steps are bounded, so the scan is linear in the text. Markup is found by
/// plain case-insensitive substring search.
public struct PromptInjectionScanner: Sendable {
    public enum Kind: String, Sendable {
        case ignoreInstructions = "ignore-previous-instructions"
        case roleHijack = "role-hijack"
        case systemPromptExtraction = "system-prompt-extraction"
        case toolCallSmuggling = "tool-call-smuggling"
    }

    public struct Hit: Sendable, Equatable {
        public var kind: Kind
        /// UTF-8 byte range of the matched words.
        public var start: Int
        public var end: Int
    }

    public init() {}

    /// Scanning stops after this many bytes of one text: an attack that
    /// matters to the model sits where the model reads, not a megabyte in.
    public static let maxBytes = 4 << 20

    public func scan(_ text: String) -> [Hit] {
        var text = text
        return text.withUTF8 { scan(bytes: UnsafeBufferPointer(rebasing: $0[0..<min($0.count, Self.maxBytes)])) }
    }

    func scan(bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        let words = Self.words(bytes)
        var w = 0
        while w < words.count {
            var advanced = false
            for pattern in PromptInjectionPatterns.phrases {
                if let last = pattern.match(words, at: w, bytes: bytes) {
                    hits.append(Hit(kind: pattern.kind, start: words[w].start, end: words[last].end))
                    w = last + 1
                    advanced = true
                    break
                }
            }
            if !advanced { w += 1 }
        }
        let t = ByteText(bytes)
        for (marker, kind) in PromptInjectionPatterns.markers {
            var i = 0
            let first = marker[0]
            while i < t.count {
                i = t.firstIndex(of: first, from: i)
                guard i < t.count else { break }
                if t.hasPrefixIgnoringCase(marker, at: i) {
                    hits.append(Hit(kind: kind, start: i, end: i + marker.count))
                    i += marker.count
                } else {
                    i += 1
                }
            }
        }
        return hits
    }

    struct Word {
        var start: Int
        var end: Int
    }

    static func words(_ b: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var i = 0
        while i < b.count {
            if ASCII.isAlnum(b[i]) {
                let start = i
                while i < b.count && (ASCII.isAlnum(b[i]) || (b[i] == UInt8(ascii: "'") && i + 1 < b.count && ASCII.isLetter(b[i + 1]))) { i += 1 }
                words.append(Word(start: start, end: i))
            } else {
                i += 1
            }
        }
        return words
    }
}

/// A sequence of steps; each step is a set of lower-case words, optional or not.
struct PhrasePattern: Sendable {
    struct Step: Sendable {
        var words: [[UInt8]]
        var optional: Bool
    }

    var kind: PromptInjectionScanner.Kind
    var steps: [Step]

    /// `"ignore|disregard (all|any)? previous|prior instructions|rules"`:
    /// alternatives split by `|`, a group ending in `?` is optional.
    init(_ kind: PromptInjectionScanner.Kind, _ spec: String) {
        self.kind = kind
        steps = spec.split(separator: " ").map { part in
            var part = Substring(part)
            let optional = part.hasSuffix("?")
            if optional { part = part.dropLast() }
            if part.hasPrefix("(") && part.hasSuffix(")") { part = part.dropFirst().dropLast() }
            return Step(words: part.split(separator: "|").map { Array($0.utf8) }, optional: optional)
        }
    }

    /// The index of the last word matched, or nil.
    func match(_ words: [PromptInjectionScanner.Word], at w: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        matchFrom(step: 0, word: w, words, bytes)
    }

    private func matchFrom(step s: Int, word w: Int, _ words: [PromptInjectionScanner.Word], _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if s == steps.count { return w - 1 }
        let step = steps[s]
        if w < words.count && step.words.contains(where: { Self.equals(words[w], $0, bytes) }),
            let end = matchFrom(step: s + 1, word: w + 1, words, bytes)
        {
            return end
        }
        return step.optional ? matchFrom(step: s + 1, word: w, words, bytes) : nil
    }

    static func equals(_ word: PromptInjectionScanner.Word, _ literal: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.end - word.start == literal.count else { return false }
        for k in 0..<literal.count where ASCII.lowercased(bytes[word.start + k]) != literal[k] { return false }
        return true
    }
}

enum PromptInjectionPatterns {
    static let earlier = "previous|prior|above|earlier|preceding|initial|original|system|all"
    static let orders = "instructions|instruction|prompts|prompt|directions|rules|guidelines|directives|commands|context|messages"

    static let phrases: [PhrasePattern] = [
        .init(.ignoreInstructions, "ignore|disregard|forget|override|bypass|skip (all|any|every)? (of)? (the|your|my)? (\(earlier)) (\(earlier))? (\(orders))"),
        .init(.ignoreInstructions, "(do)? not|don't follow|obey (the|your|any)? (\(earlier)) (\(orders))"),
        .init(.roleHijack, "you are now|henceforth (a|an|the|in)? dan|jailbroken|unrestricted|unfiltered|uncensored|evil|developer|admin|root|god|different|new"),
        .init(.roleHijack, "from now on you (are|will|must|shall|should)"),
        .init(.roleHijack, "act|pretend|behave as|to|like (a|an|if)? (you)? (are|were|be)? dan|jailbroken|unrestricted|unfiltered|uncensored|evil|root|admin|administrator|system"),
        .init(.roleHijack, "god|jailbreak|dan mode (is)? enabled|activated|on"),
        .init(.roleHijack, "enter|enable|activate god|jailbreak|dan mode"),
        .init(.systemPromptExtraction, "reveal|print|show|repeat|output|display|leak|dump|tell|give|share|disclose|write (me|us)? (your|the|its|all)? (full|entire|complete|original|hidden|secret|initial)? system|hidden|initial|original|secret prompt|prompts|instructions|message"),
        .init(.systemPromptExtraction, "what (is|are|were) your (system|initial|original|hidden)? prompt|instructions"),
        .init(.systemPromptExtraction, "repeat|print|output the (words|text) above"),
        .init(.toolCallSmuggling, "(do)? not|don't tell|inform|alert|notify|mention (this)? (to)? the user"),
        .init(.toolCallSmuggling, "without telling|informing|asking|notifying|alerting the user"),
        .init(.toolCallSmuggling, "call|invoke|use|run|execute the (following)? tool|function|command (immediately|now|silently|secretly|quietly)"),
    ]

    static let markerTexts: [(String, PromptInjectionScanner.Kind)] = [
        ("<function_calls>", .toolCallSmuggling), ("<invoke name=", .toolCallSmuggling), ("<tool_use>", .toolCallSmuggling),
        ("<tool_call>", .toolCallSmuggling), ("<|tool_call|>", .toolCallSmuggling), ("new instructions:", .ignoreInstructions),
        ("<|im_start|>system", .roleHijack), ("<|system|>", .roleHijack), ("[system](#", .roleHijack),
        ("<<sys>>", .roleHijack), ("[inst]", .roleHijack), ("</system>", .roleHijack), ("<system>", .roleHijack),
    ]
    static let markers: [([UInt8], PromptInjectionScanner.Kind)] = markerTexts.map { (Array($0.0.utf8), $0.1) }
}
