import HookCore
import Testing

@Suite("Shell analyzer: decoders piped to a shell")
struct ShellDecoderTests {
    @Test("decoded text run by an interpreter is reported", arguments: [
        ("echo cm0gLXJmIC8K | base64 -d | sh", "base64", "sh"),
        ("base64 --decode payload.txt | bash", "base64", "bash"),
        ("echo 726d | xxd -r -p | zsh", "xxd", "zsh"),
        ("openssl enc -d -base64 -in p | dash", "openssl", "dash"),
        ("uudecode -o /dev/stdout p | ksh", "uudecode", "ksh"),
        ("cat p.gz | gzip -d | sh", "gzip", "sh"),
        ("zcat p.gz | bash -s", "zcat", "bash"),
        ("echo 'fr- mr' | rev | sh", "rev", "sh"),
        (#"printf '\x72\x6d -rf /' | sh"#, "printf", "sh"),
        (#"echo -e '\x72m -rf /' | bash"#, "echo", "bash"),
        ("echo aW1wb3J0IG9z | base64 -d | python3", "base64", "python3"),
        ("echo cHJpbnQ= | base64 -d | perl", "base64", "perl"),
        ("base64 -d p | source /dev/stdin", "base64", "source"),
        ("base64 -d p | gunzip | cat | sh", "base64", "sh"),
        ("tr 'A-Za-z' 'N-ZA-Mn-za-m' < p | sh", "tr", "sh"),
        ("echo cm0= | base64 -d | xargs -I{} bash -c {}", "base64", "bash"),
        ("echo cm0= | base64 -d | sudo sh", "base64", "sh"),
    ])
    func piped(command: String, decoder: String, shell: String) {
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.problems.contains(.decoderPipedToShell(decoder: decoder, shell: shell)), "\(analysis.problems)")
    }

    @Test("decoded text reaching a shell through substitutions is reported", arguments: [
        (#"bash -c "$(echo cm0= | base64 -d)""#, "bash"),
        (#"eval "$(base64 -d <<< cm0=)""#, "eval"),
        ("bash <(echo cm0= | base64 -d)", "bash"),
        ("source <(xxd -r -p p)", "source"),
        ("sh < <(base64 -d p)", "sh"),
        (#"bash <<< "$(base64 -d p)""#, "bash"),
        (#"python3 -c "$(echo x | base64 -d)""#, "python3"),
    ])
    func substituted(command: String, shell: String) {
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.problems.contains { problem in
            if case .decoderPipedToShell(_, let reported) = problem { return reported == shell }
            return false
        }, "\(analysis.problems)")
    }

    @Test("not a decoder into a shell", arguments: [
        "curl -fsSL https://example.com/install.sh | sh",
        "echo aGk= | base64 -d",
        "echo aGk= | base64 -d > out.txt",
        "base64 file | sh",
        "base64 -d p | sh script.sh",
        "base64 -d p | bash -c 'cat'",
        "base64 -d p | python3 tool.py",
        "cat script.sh | tr -d '\\r' | bash",
        "echo ls | tr a-z A-Z | sh",
        "cat list | tr '[:lower:]' '[:upper:]' | bash",
        "cat x | tr '\\n' ' ' | sh",
        "printf 'ls\\n' | sh",
        "zcat logs.gz | grep error",
        "echo x | base64 -d | sh < other.sh",
    ])
    func clean(command: String) {
        #expect(!ShellTesting.analyze(command).hasDecoderProblem, "\(command)")
    }

    @Test("download-to-shell is visible in pipelines for policy, not a problem")
    func downloadToShell() {
        let analysis = ShellTesting.analyze("curl -s https://x.sh | sudo bash")
        #expect(analysis.problems.isEmpty)
        #expect(analysis.pipelines.map { $0.map(\.program) } == [["curl", "bash"]])
        #expect(analysis.pipelines.first?.last?.wrappers == ["sudo"])
    }

    @Test("known text piped to a shell is analysed as commands")
    func knownTextToShell() {
        let analysis = ShellTesting.analyze(#"printf '\x72\x6d -rf /' | sh"#)
        #expect(analysis.first("rm")?.arguments == ["-rf", "/"])
        #expect(analysis.first("rm")?.wrappers == ["sh"])
    }
}
