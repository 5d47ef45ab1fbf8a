import Testing
@testable import HookCore

@Suite struct LinearRegexTests {
    func matches(_ pattern: String, _ text: String) -> Bool { try! LinearRegex(pattern).matches(text) }

    @Test(arguments: [
        ("abc", "xxabcxx", true), ("abc", "ab", false),
        ("^abc", "abcd", true), ("^abc", "xabc", false), ("abc$", "xabc", true), ("abc$", "abcx", false),
        ("a.c", "abc", true), ("a.c", "a\nc", false),
        ("colou?r", "color", true), ("colou?r", "colour", true), ("colou?r", "colouur", false),
        ("ab*c", "ac", true), ("ab*c", "abbbc", true), ("ab+c", "ac", false), ("ab+c", "abbc", true),
        ("a{3}", "aa", false), ("a{3}", "aaa", true), ("^a{2,3}$", "aaaa", false), ("^a{2,}$", "aaaaa", true),
        ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abca", false), ("(?:x|y)z", "yz", true),
        ("[a-c]+z", "bbz", true), ("[^a-c]z", "az", false), ("[^a-c]z", "dz", true),
        ("\\d{3}-\\d{4}", "call 555-1234 now", true), ("\\w+@\\w+\\.com", "mail bob@example.com", true),
        ("\\bdrop\\b", "drop table", true), ("\\bdrop\\b", "drop_date", false), ("\\Bop", "drop", true),
        ("(?i)begin [a-z ]*private key", "-----BEGIN RSA PRIVATE KEY-----", true),
        ("(?i:union)\\s+select", "UNION   select", true), ("union\\s+select", "UNION select", false),
        ("\\x41B", "AB", true), ("a\\.b", "a.b", true), ("a\\.b", "axb", false), ("[.]", "x", false),
        ("a{,2}", "a{,2}", true), ("x|", "anything", true), ("", "", true), ("^$", "", true), ("^$", "x", false),
        ("[]a]", "]", true), ("[a-]", "-", true), ("\\s", "a\tb", true), ("\\S+", "   ", false),
        ("\\$\\(", "echo $(id)", true), ("a*?b", "aab", true),
    ])
    func semantics(pattern: String, text: String, expected: Bool) {
        #expect(matches(pattern, text) == expected, "\(pattern) on \(text)")
    }

    @Test(arguments: ["(", "(abc", "abc)", "[abc", "*a", "x{5,2}", "(?=a)", "(?<n>a)", "\\1", "a\\", "\\q", "a{2000}", "[z-a]"])
    func rejectsWhatItCannotRunOrParse(pattern: String) {
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(pattern) }
    }

    @Test func errorsSayWhere() {
        do {
            _ = try LinearRegex("ab(cd")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "missing ')'")
            #expect(error.offset == 5)
        }
    }

    /// The classic catastrophic-backtracking shapes finish: the VM keeps one
    /// thread per instruction, so the work is bounded by pattern × input.
    @Test func adversarialPatternsStayLinear() throws {
        let text = String(repeating: "a", count: 20_000) + "!"
        for pattern in ["^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "(a*)*b", "^(\\w+\\s?)*$"] {
            #expect(try LinearRegex(pattern).matches(text) == false, "\(pattern)")
        }
        #expect(try LinearRegex("(a+)+!").matches(text))
    }

    /// The lazy DFA (long texts) and the Pike VM (short texts) are two runs of
    /// the same program: they must agree on every pattern and text.
    @Test func lazyDFAAgreesWithThePikeVM() {
        var rng = RegexFuzzRandom(seed: 42)
        let alphabet = Array("ab()|*+?.^$\\bBw{}2,[]- ".utf8)
        let letters = Array("ab .".utf8)
        var checked = 0
        for _ in 0..<20000 {
            let pattern = String(decoding: (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            guard let regex = try? LinearRegex(pattern) else { continue }
            let text = (0..<Int(rng.next() % 30)).map { _ in letters[Int(rng.next() % 4)] }
            let pike = text.withUnsafeBufferPointer { regex.program.pikeSearch($0) }
            var dfa = RegexDFA(code: regex.program.code)
            let lazy = text.withUnsafeBufferPointer { dfa.search($0) }
            #expect(pike == lazy, "\(pattern) on \(String(decoding: text, as: UTF8.self))")
            checked += 1
        }
        #expect(checked > 5000)
    }

    @Test func longTextsFindMatchesAtTheirEdges() throws {
        let filler = String(repeating: "x", count: 100_000)
        #expect(try LinearRegex("^xx").matches(filler))
        #expect(try LinearRegex("x$").matches(filler))
        #expect(try LinearRegex("\\bneedle\\b").matches(filler + " needle"))
        #expect(try LinearRegex("\\bneedle\\b").matches(filler + "needle") == false)
        #expect(try LinearRegex("(?i)private key").matches(filler + "PRIVATE KEY" + filler))
        #expect(try LinearRegex("^(a+)+$").matches(String(repeating: "a", count: 1 << 20)))
    }

    /// Seeded property test: arbitrary patterns either fail to compile with an
    /// error or run without trapping on arbitrary text.
    @Test func arbitraryPatternsNeverCrash() {
        var rng = RegexFuzzRandom(seed: 0x5eed_7e57)
        let alphabet = Array("ab()[]{}|*+?.^$\\-,:!=<>dwsbBxi019AZ \n".utf8)
        for _ in 0..<4000 {
            let pattern = String(decoding: (0..<Int(rng.next() % 16)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            let text = String(decoding: (0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            if let regex = try? LinearRegex(pattern) { _ = regex.matches(text) }
        }
    }
}

/// Deterministic generator for property tests.
struct RegexFuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
