import HookCore
import Testing

@Suite("Shell analyzer: robustness")
struct ShellFuzzTests {
    /// SplitMix64: a small seeded generator so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "$(", ")", "`", "'", "\"", "${", "}", "$((", "))", "<(", ">(", "(", "{", " ", "\n", ";", "&&", "||",
        "|", "|&", "&", "\\", "$'", "$\"", "<<", "<<-", "<<<", "EOF", ">", "2>&1", "#", "~", "$IFS", "$X",
        "X=", "if", "then", "fi", "for", "in", "do", "done", "case", "esac", ";;", "[[", "]]", "function",
        "f()", "bash -c ", "eval ", "sudo ", "env ", "xargs ", "find . -exec ", "\\;", "base64 -d", "sh",
        "rm", "-rf", "/", "{a,b}", ",", "*", "?", "$@", "$1", "\t", "=", "!", "((", "\\x41", "%s",
    ]

    @Test("thousands of random inputs never crash or hang")
    func randomInputs() {
        var generator = Generator(state: 0x5EED)
        let analyzer = ShellAnalyzer(home: "/home/dev", environment: ["X": "-rf"])
        var largest = 0
        var missingFromPipelines: [String] = []
        for _ in 0..<4000 {
            var input = ""
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                if Int.random(in: 0..<8, using: &generator) == 0 {
                    let scalar = Unicode.Scalar(UInt8.random(in: 0...127, using: &generator))
                    input.unicodeScalars.append(scalar)
                } else {
                    input += Self.pieces.randomElement(using: &generator)!
                }
            }
            // One expectation at the end: #expect per input would dominate the run time.
            let analysis = analyzer.analyze(input)
            largest = max(largest, analysis.commands.count)
            // The engine walks pipelines, so every command must be in one.
            let inPipelines = analysis.pipelines.flatMap { $0 }
            if !analysis.commands.allSatisfy(inPipelines.contains) { missingFromPipelines.append(input) }
        }
        #expect(largest < 1_000)
        #expect(missingFromPipelines.isEmpty)
    }

    @Test("random bytes, including invalid UTF-8 and NUL, are handled")
    func randomBytes() {
        var generator = Generator(state: 42)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = ShellTesting.analyze(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("pathological nesting and repetition stay bounded", arguments: [
        String(repeating: "(", count: 20_000),
        String(repeating: "$(", count: 10_000),
        String(repeating: "${X:-", count: 10_000),
        String(repeating: "`", count: 20_001),
        String(repeating: "{", count: 10_000) + String(repeating: ",}", count: 10_000),
        String(repeating: "((", count: 10_000) + "x",
        String(repeating: "$(( (", count: 5_000),
        String(repeating: "\"$(", count: 10_000),
        String(repeating: "<<E ", count: 5_000) + "\n",
        String(repeating: "a|", count: 20_000),
        String(repeating: "bash -c '", count: 5_000),
        String(repeating: "eval ", count: 10_000) + "ls",
        String(repeating: "if ", count: 10_000),
        String(repeating: "case x in ", count: 5_000),
        String(repeating: "f() { ", count: 5_000),
        "A=aaaaaaaa" + String(repeating: "; A=$A$A", count: 40) + "; echo $A",
    ])
    func pathological(input: String) {
        let analysis = ShellTesting.analyze(input)
        #expect(analysis.commands.count <= input.utf8.count)
    }
}
