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
        let starts = PromptInjectionPatterns.possibleFirstWords
        // Words are read on the fly; only a word that can start a phrase
        // (one table lookup) has the next few words read for the match.
        var i = 0
        var window: [Word] = []
        window.reserveCapacity(Self.lookahead)
        while i < bytes.count {
            guard ASCII.isAlnum(bytes[i]) else { i += 1; continue }
            let end = Self.wordEnd(bytes, from: i)
            let length = end - i
            guard length < 32, starts[Int(ASCII.lowercased(bytes[i])) << 5 | length] else {
                i = end
                continue
            }
            // Exact first word, and the phrases that may start with it.
            guard let candidates = PromptInjectionPatterns.firstWords.first(where: { entry in
                entry.word.count == length && PhrasePattern.equals(Word(start: i, end: end), entry.word, bytes)
            })?.phrases else {
                i = end
                continue
            }
            window.removeAll(keepingCapacity: true)
            window.append(Word(start: i, end: end))
            var k = end
            while window.count < Self.lookahead && k < bytes.count {
                if ASCII.isAlnum(bytes[k]) {
                    let e = Self.wordEnd(bytes, from: k)
                    window.append(Word(start: k, end: e))
                    k = e
                } else {
                    k += 1
                }
            }
            var matched: Int?
            for index in candidates {
                let pattern = PromptInjectionPatterns.phrases[index]
                if let last = pattern.match(window, at: 0, bytes: bytes) {
                    hits.append(Hit(kind: pattern.kind, start: window[0].start, end: window[last].end))
                    matched = window[last].end
                    break
                }
            }
            i = matched ?? end
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

    /// Longer than any phrase.
    static let lookahead = 14

    /// The end of the word at `start`: letters and digits, with an inner
    /// apostrophe (`don't`).
    static func wordEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count && (ASCII.isAlnum(b[i]) || (b[i] == UInt8(ascii: "'") && i + 1 < b.count && ASCII.isLetter(b[i + 1]))) {
            i += 1
        }
        return i
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

    /// (lower-cased first byte, length) of every word a phrase can start
    /// with: nearly every word of ordinary text is dismissed by one lookup.
    static let possibleFirstWords: [Bool] = {
        var table = [Bool](repeating: false, count: 256 * 32)
        for phrase in phrases {
            for step in phrase.steps {
                for word in step.words where word.count < 32 { table[Int(word[0]) << 5 | word.count] = true }
                if !step.optional { break }
            }
        }
        return table
    }()

    /// Every word a phrase may start with, and the phrases that may.
    static let firstWords: [(word: [UInt8], phrases: [Int])] = {
        var entries: [(word: [UInt8], phrases: [Int])] = []
        for (index, phrase) in phrases.enumerated() {
            for step in phrase.steps {
                for word in step.words {
                    if let k = entries.firstIndex(where: { $0.word == word }) {
                        if !entries[k].phrases.contains(index) { entries[k].phrases.append(index) }
                    } else {
                        entries.append((word, [index]))
                    }
                }
                if !step.optional { break }
            }
        }
        return entries
    }()

    static let markerTexts: [(String, PromptInjectionScanner.Kind)] = [
        ("<function_calls>", .toolCallSmuggling), ("<invoke name=", .toolCallSmuggling), ("<tool_use>", .toolCallSmuggling),
        ("<tool_call>", .toolCallSmuggling), ("<|tool_call|>", .toolCallSmuggling), ("new instructions:", .ignoreInstructions),
        ("<|im_start|>system", .roleHijack), ("<|system|>", .roleHijack), ("[system](#", .roleHijack),
        ("<<sys>>", .roleHijack), ("[inst]", .roleHijack), ("</system>", .roleHijack), ("<system>", .roleHijack),
    ]
    static let markers: [([UInt8], PromptInjectionScanner.Kind)] = markerTexts.map { (Array($0.0.utf8), $0.1) }
}
