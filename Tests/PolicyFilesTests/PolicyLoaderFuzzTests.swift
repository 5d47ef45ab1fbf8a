import HookCore
import Testing
@testable import PolicyFiles

/// The loader reads files a repository controls: arbitrary bytes must give a
/// policy or an error with a place, never a crash or a hang. Seeded and
/// bounded so a failure reproduces.
@Suite struct PolicyLoaderFuzzTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let seedFile = """
        name: fuzz
        appliesTo: {tags: [a]}
        defaultEffect: deny
        rules:
          - id: f.one
            effect: deny
            actions: [execute:shell, read:file]
            conditions:
              - resource: {matches: ["~/.ssh/*", "**/.env"], regex: "(?i)^rm\\\\s+-rf"}
                not: {content: {contains: x}}
              - detector: shell.recursive-delete-root
            tests:
              - {input: {tool: Bash, command: "rm -rf /"}, expect: deny}
        """

    @Test func mutatedPolicyFilesNeverCrash() {
        var rng = Random(state: 0xC0FF_EE00_1234)
        let seed = Array(Self.seedFile.utf8)
        let tokens = Array("-:{}[]\"'&*!|>#%@`\\\n\t ,?~".utf8) + [0, 0xFF, 0xC3]
        var loaded = 0, rejected = 0
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0..<(1 + rng.below(6)) {
                let at = rng.below(bytes.count + 1)
                switch rng.below(3) {
                case 0: bytes.insert(tokens[rng.below(tokens.count)], at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                }
            }
            do {
                _ = try PolicyDecoder.decode(bytes, file: "fuzz.yaml", layer: .user)
                loaded += 1
            } catch {
                rejected += 1
                #expect(error.line >= 1 && error.column >= 1)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(loaded + rejected == 3000)
        #expect(rejected > 0)
    }

    @Test func deepNestingAndAliasBombsAreRefused() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(PolicyTesting.error("name: x\nrules: " + deep + "\n")?.message.contains("nested deeper") == true)
        let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
        #expect(PolicyTesting.error(bomb)?.message.contains("aliases") == true)
    }
}
