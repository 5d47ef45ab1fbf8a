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
        let firstWords = PromptInjectionPatterns.firstWords
        let slotStarts = PromptInjectionPatterns.firstWordSlotStarts
        let slotEntries = PromptInjectionPatterns.firstWordSlotEntries
        // Words are read on the fly; only a word that can start a phrase
        // (one table lookup) has the next few words read for the match.
        var i = 0
        var window: [Word] = []
        window.reserveCapacity(Self.lookahead)
        let text = ByteText(bytes)
        while true {
            i = text.firstAlnum(from: i)
            guard i < bytes.count else { break }
            let end = Self.wordEnd(bytes, from: i)
            let length = end - i
            guard length < 32, starts[Int(ASCII.lowercased(bytes[i])) << 5 | length] else {
                i = end
                continue
            }
            // Exact first word, and the phrases that may start with it: only
            // the few entries of the same first byte and length are compared.
            let slot = Int(ASCII.lowercased(bytes[i])) << 5 | length
            var entry = -1
            for k in slotStarts[slot]..<slotStarts[slot + 1]
            where PhrasePattern.equals(Word(start: i, end: end), firstWords[slotEntries[k]].word, bytes) {
                entry = slotEntries[k]
                break
            }
            guard entry >= 0 else {
                i = end
                continue
            }
            let candidates = firstWords[entry].phrases
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
        scanMarkers(ByteText(bytes), into: &hits)
        return hits
    }

    /// Markup, in one pass for all markers: each is found through its anchor,
    /// a byte at a fixed offset (a `<` or `[` opener, the `:` of `new
    /// instructions:`), so most of the text is skipped eight bytes at a time
    /// instead of once per marker. Hits come out per marker, in text order,
    /// non-overlapping within one marker.
    func scanMarkers(_ t: ByteText, into hits: inout [Hit]) {
        let markers = PromptInjectionPatterns.markers
        let anchors = PromptInjectionPatterns.markerAnchors
        var found: [(marker: Int, start: Int)] = []
        var nextAllowed = [Int](repeating: 0, count: markers.count)
        for group in anchors {
            var i = 0
            while i < t.count {
                i = group.bytes.count == 1
                    ? t.firstIndex(of: group.bytes[0], from: i)
                    : t.firstIndex(of: group.bytes[0], or: group.bytes[1], from: i)
                guard i < t.count else { break }
                let b = t[i]
                for (index, offset) in group.markers {
                    let (marker, _) = markers[index]
                    let start = i - offset
                    guard marker[offset] == b, start >= nextAllowed[index], t[start] == marker[0],
                        t.hasPrefixIgnoringCase(marker, at: start)
                    else { continue }
                    found.append((index, start))
                    nextAllowed[index] = start + marker.count
                }
                i += 1
            }
        }
        guard !found.isEmpty else { return }
        found.sort { $0.marker != $1.marker ? $0.marker < $1.marker : $0.start < $1.start }
        for (index, start) in found {
            hits.append(Hit(kind: markers[index].1, start: start, end: start + markers[index].0.count))
        }
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
        let text = ByteText(b)
        var i = start
        while true {
            i = text.firstNonAlnum(from: i)
            guard i + 1 < b.count, b[i] == UInt8(ascii: "'"), ASCII.isLetter(b[i + 1]) else { return i }
            i += 1
        }
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

    /// `firstWords` indexed by (lower-cased first byte, length), as ranges
    /// `firstWordSlotStarts[slot]..<firstWordSlotStarts[slot + 1]` into
    /// `firstWordSlotEntries`: a word that passes `possibleFirstWords` is
    /// compared with its few namesakes, not with every first word.
    static let firstWordSlotEntries: [Int] = firstWordSlots.entries
    static let firstWordSlotStarts: [Int] = firstWordSlots.starts

    private static let firstWordSlots: (starts: [Int], entries: [Int]) = {
        var buckets = [[Int]](repeating: [], count: 256 * 32)
        for (index, entry) in firstWords.enumerated() where entry.word.count < 32 {
            buckets[Int(entry.word[0]) << 5 | entry.word.count].append(index)
        }
        var starts: [Int] = [0]
        var entries: [Int] = []
        for bucket in buckets {
            entries += bucket
            starts.append(entries.count)
        }
        return (starts, entries)
    }()

    static let markerTexts: [(String, PromptInjectionScanner.Kind)] = [
        ("<function_calls>", .toolCallSmuggling), ("<invoke name=", .toolCallSmuggling), ("<tool_use>", .toolCallSmuggling),
        ("<tool_call>", .toolCallSmuggling), ("<|tool_call|>", .toolCallSmuggling), ("new instructions:", .ignoreInstructions),
        ("<|im_start|>system", .roleHijack), ("<|system|>", .roleHijack), ("[system](#", .roleHijack),
        ("<<sys>>", .roleHijack), ("[inst]", .roleHijack), ("</system>", .roleHijack), ("<system>", .roleHijack),
    ]
    static let markers: [([UInt8], PromptInjectionScanner.Kind)] = markerTexts.map { (Array($0.0.utf8), $0.1) }

    /// Markers grouped by the anchor bytes one search looks for, with each
    /// marker's anchor offset. A marker starting with a letter (whose first
    /// byte must match exactly, the rest in any case) is anchored on its last
    /// non-letter byte instead, which is far rarer than a letter.
    static let markerAnchors: [(bytes: [UInt8], markers: [(index: Int, offset: Int)])] = {
        var byByte: [UInt8: [(index: Int, offset: Int)]] = [:]
        for (index, (marker, _)) in markers.enumerated() {
            let offset = ASCII.isLetter(marker[0]) ? (marker.lastIndex { !ASCII.isLetter($0) } ?? 0) : 0
            byByte[marker[offset], default: []].append((index, offset))
        }
        // The two openers are rare enough to share one search.
        let openers: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "[")].filter { byByte[$0] != nil }
        var groups: [(bytes: [UInt8], markers: [(index: Int, offset: Int)])] = []
        if !openers.isEmpty { groups.append((openers, openers.flatMap { byByte[$0]! })) }
        for byte in byByte.keys.sorted() where !openers.contains(byte) { groups.append(([byte], byByte[byte]!)) }
        return groups
    }()
}
