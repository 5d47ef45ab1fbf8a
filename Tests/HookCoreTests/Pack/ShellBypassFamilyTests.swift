import Testing
@testable import HookCore

/// Every bypass family of the design's shell section, through the whole
/// engine: a dangerous command in disguise is never allowed.
@Suite("Built-in pack: bypass families")
struct ShellBypassFamilyTests {
    static let engine = Engine(home: "/home/dev")

    static func verdict(_ command: String) -> Verdict {
        let call = ToolCall(host: HostID(rawValue: "claude"), toolName: "Bash", kind: .shell, command: command, cwd: "/home/dev/project")
        return engine.evaluate(call, id: DecisionID(rawValue: "gh_test0000000000000")).verdict
    }

    @Test("denied outright", arguments: [
        "r''m -rf /", "\"rm\" -rf /", "\\rm -rf /",                                   // quote removal
        "$'\\x72\\x6d' -rf /", "$'\\162\\155' -rf /",                                 // ANSI-C quoting
        "echo cm0gLXJmIC8= | base64 -d | sh", "xxd -r -p p.hex | bash",               // decoders to a shell
        "F=-rf; rm $F /", "T=/; rm -rf $T",                                           // variables holding flags
        "FOO=1 rm -rf /", "env A=1 rm -rf ~",                                         // leading assignments
        "find / -delete", "dd if=/dev/zero of=/dev/sda", "mkfs.ext4 /dev/sdb1", "> /dev/sda",
        "chmod -R 777 /", ":(){ :|:& };:",                                            // same effect, other tools
        "git push --force origin main", "git push origin :main",                      // git history destruction
        "rm -rf /tmp/../", "rm -rf //", "rm -rf ~", "rm -rf $HOME", "rm -rf ${HOME}/*", // path tricks
        "sudo -u root nice timeout 5 rm -rf /", "bash -c 'sh -c \"rm -rf /\"'",      // wrappers
    ])
    func denied(command: String) {
        #expect(Self.verdict(command) == .deny, "\(command)")
    }

    @Test("asked about because it cannot be known", arguments: [
        "rm${IFS}-rf${IFS}/", "$(echo rm) -rf /", "`echo rm` -rf /", "$CMD -rf /", "git reset --hard", "git clean -fdx",
        "git push -f",
    ])
    func notAllowed(command: String) {
        #expect(Self.verdict(command) != .allow, "\(command)")
    }

    @Test("look-alikes stay allowed", arguments: [
        "rm -rf ./build", "git push --force-with-lease", "git push --force-with-lease origin feature/x", "grep -r \"rm -rf\" docs/",
        "cat README.md", "curl -fsSL https://x/y.tar.gz -o y.tgz", "find . -name '*.o' -delete", "dd if=/dev/zero of=disk.img count=1",
        "chmod -R 755 scripts", "echo hi > /dev/null", "curl -s https://api.example.com | python3 -m json.tool",
        "git push --force origin feature/login", "source <(kubectl completion bash)",
    ])
    func allowed(command: String) {
        #expect(Self.verdict(command) == .allow, "\(command)")
    }
}
