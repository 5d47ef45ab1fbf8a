import Testing
@testable import HookCore

/// Detectors read untrusted commands, URLs and file contents: seeded random
/// inputs built from shell and URL fragments must never crash them.
@Suite("Built-in pack detectors: seeded fuzz")
struct ShellPackFuzzTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let fragments = [
        "rm", " -rf", " /", "~", "$HOME", "${HOME}", "/*", "..", "//", "|", " sh", " bash -c '", "'", "\"", "$(", ")", "`",
        "<(", ">", " >> ", "/dev/sda", "/dev/tcp/1.2.3.4/80", "curl", " http://", "169.254.169.254", "[::ffff:a9fe:a9fe]",
        "0x", "0251.", "@", ":", "git push", " -f", " origin", " :main", " +", "base64 -d", "xxd -r", ";", "&&", "\n",
        "find", " -delete", " -exec", " {} +", "dd of=", "mkfs", "chmod -R 777", "nc -e", "socat", "exec:", "python3 -c '",
        "socket", "subprocess", ".claude/settings.json", ".git/hooks/pre-commit", "history -c", "HISTFILE=", "export ",
        "security find-generic-password -w", "eval", " \"$(ssh-agent -s)\"", ":(){ :|:& };:", "\\", "$'\\x72'", "=", "%", "[",
    ]

    @Test func detectorsNeverCrash() {
        var random = Generator(state: 0x5EED_CAFE)
        let builder = SubjectBuilder(home: "/home/dev")
        let detectors = ShellPackDetectors.all
        for _ in 0..<1_000 {
            var text = ""
            for _ in 0..<(1 + random.next(14)) { text += Self.fragments[random.next(Self.fragments.count)] }
            let calls = [
                ToolCall(host: HostID(rawValue: "t"), toolName: "Bash", kind: .shell, command: text, cwd: "/home/dev/p"),
                ToolCall(host: HostID(rawValue: "t"), toolName: "Write", kind: .write, path: ".git/hooks/x", content: text, cwd: "/home/dev/p"),
                ToolCall(host: HostID(rawValue: "t"), toolName: "Read", kind: .read, path: text, cwd: "/home/dev/p"),
                ToolCall(host: HostID(rawValue: "t"), toolName: "WebFetch", kind: .web, url: text),
            ]
            for call in calls {
                for subject in builder.subjects(for: call).subjects {
                    for detector in detectors { _ = detector.matches(subject, home: "/home/dev") }
                }
            }
        }
    }

    @Test func addressParsersTakeAnyBytes() {
        var random = Generator(state: 42)
        let detector = CloudMetadataDetector(id: "t", services: [.linkLocal, .gcpName, .alibaba, .ecs, .awsIPv6])
        let alphabet = Array("0123456789abcdefxX.:[]%/@$ -".utf8)
        for _ in 0..<5_000 {
            let bytes = (0..<random.next(40)).map { _ in alphabet[random.next(alphabet.count)] }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = detector.scan(text)
            _ = CloudMetadataDetector.ipv4(text)
            _ = CloudMetadataDetector.ipv6Service(text)
        }
    }
}
