import HookCore
import Testing

@Suite("Shell analyzer: wrappers and nested code")
struct ShellWrapperTests {
    @Test("wrappers and their options are peeled off", arguments: [
        ("sudo rm -rf /", ["sudo"]),
        ("sudo -u root -E -- rm -rf /", ["sudo"]),
        ("sudo -uroot --preserve-env=PATH rm -rf /", ["sudo"]),
        ("env -i PATH=/bin -u HOME rm -rf /", ["env"]),
        ("command rm -rf /", ["command"]),
        ("exec -a name rm -rf /", ["exec"]),
        ("nice -n 10 rm -rf /", ["nice"]),
        ("nice -5 rm -rf /", ["nice"]),
        ("nohup rm -rf /", ["nohup"]),
        ("timeout -s KILL --preserve-status 5m rm -rf /", ["timeout"]),
        ("time rm -rf /", ["time"]),
        ("time -p rm -rf /", ["time"]),
        ("stdbuf -oL -e 0 rm -rf /", ["stdbuf"]),
        ("ionice -c2 -n 7 rm -rf /", ["ionice"]),
        ("doas -u root rm -rf /", ["doas"]),
        ("xargs -0 -n 1 -I{} rm -rf /", ["xargs"]),
        ("busybox rm -rf /", ["busybox"]),
        ("sudo env FOO=1 nice -n 5 timeout 10 /bin/rm -rf /", ["sudo", "env", "nice", "timeout"]),
    ])
    func peeled(command: String, wrappers: [String]) {
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.commands.count == 1)
        #expect(analysis.commands.first?.program == "rm")
        #expect(analysis.commands.first?.arguments == ["-rf", "/"])
        #expect(analysis.commands.first?.wrappers == wrappers)
    }

    @Test("env and sudo assignments land in the command's assignments")
    func wrapperAssignments() {
        let command = ShellTesting.analyze("sudo LD_PRELOAD=/x.so env -u A B=2 ls").commands.first
        #expect(command?.program == "ls")
        #expect(command?.assignments == ["LD_PRELOAD": "/x.so", "B": "2"])
    }

    @Test("env -S splits its string into the command")
    func envSplitString() {
        #expect(ShellTesting.analyze(#"env -S "rm -rf /""#).commands.first?.text == "rm -rf /")
    }

    @Test("a wrapper that runs nothing stays the program")
    func inertWrappers() {
        #expect(ShellTesting.texts("command -v rm") == ["command -v rm"])
        #expect(ShellTesting.texts("sudo -l") == ["sudo -l"])
        #expect(ShellTesting.texts("sudo -i") == ["sudo -i"])
        #expect(ShellTesting.texts("env") == ["env"])
        #expect(ShellTesting.texts("timeout 5") == ["timeout 5"])
        #expect(ShellTesting.texts("xargs") == ["xargs"])
    }

    @Test("xargs targets are commands in the pipeline")
    func xargs() {
        let analysis = ShellTesting.analyze("find . -name '*.tmp' -print0 | xargs -0 rm -f")
        #expect(analysis.pipelines.map { $0.map(\.program) } == [["find", "rm"]])
        #expect(analysis.first("rm")?.wrappers == ["xargs"])
    }

    @Test("shell -c strings are parsed recursively, the shell itself is kept", arguments: ["bash", "sh", "zsh", "dash", "ksh"])
    func shellDashC(shell: String) {
        let analysis = ShellTesting.analyze("\(shell) -c 'cd /tmp; rm -rf x'")
        #expect(analysis.first(shell)?.arguments == ["-c", "cd /tmp; rm -rf x"])
        #expect(analysis.first("rm")?.arguments == ["-rf", "x"])
        #expect(analysis.first("rm")?.wrappers == [shell])
    }

    @Test("combined shell flags and wrappers around the shell")
    func shellFlags() {
        let analysis = ShellTesting.analyze(#"sudo bash -lxc "rm -rf /" "#)
        #expect(analysis.first("rm")?.wrappers == ["sudo", "bash"])
        #expect(ShellTesting.analyze(#"/bin/sh -e -o pipefail -c "reboot""#).contains("reboot"))
        // A script operand is not a -c string.
        #expect(ShellTesting.texts("bash script.sh -c x") == ["bash script.sh -c x"])
    }

    @Test("nested shells up to the depth limit")
    func nestedShells() {
        let analysis = ShellTesting.analyze(#"bash -c "sh -c 'eval \"rm -rf /\"'""#)
        #expect(analysis.first("rm")?.wrappers == ["bash", "sh", "eval"])
        #expect(analysis.problems.isEmpty)
    }

    @Test("eval joins its arguments and parses them in the same shell")
    func eval() {
        #expect(ShellTesting.analyze("eval rm -rf /").first("rm")?.arguments == ["-rf", "/"])
        #expect(ShellTesting.texts(#"eval "F=-rf"; rm $F /"#).last == "rm -rf /")
        #expect(ShellTesting.analyze("eval $CMD").hasUnresolvedProgram)
    }

    @Test("find -exec, -execdir and -ok run commands; find -delete stays a find")
    func find() {
        let analysis = ShellTesting.analyze(#"find / -name x -exec rm -rf {} \; -execdir chmod 777 {} + -ok shred {} ';'"#)
        #expect(analysis.first("rm")?.arguments == ["-rf", "{}"])
        #expect(analysis.first("rm")?.wrappers == ["find"])
        #expect(analysis.first("chmod")?.arguments == ["777", "{}"])
        #expect(analysis.first("shred") != nil)
        let delete = ShellTesting.analyze("find / -delete")
        #expect(delete.commands.map(\.text) == ["find / -delete"])
        #expect(ShellTesting.analyze("find . -exec sudo rm {} \\;").first("rm")?.wrappers == ["find", "sudo"])
    }

    @Test("time is a wrapper before a command and a keyword before a compound command")
    func time() {
        #expect(ShellTesting.analyze("time rm -rf /").first("rm")?.wrappers == ["time"])
        let compound = ShellTesting.analyze("time { rm -rf /; }")
        #expect(compound.commands.map(\.text) == ["rm -rf /"])
        #expect(compound.problems.isEmpty)
    }

    @Test("su -c, watch, fd -x and trap run their argument as code")
    func otherRunners() {
        #expect(ShellTesting.analyze("trap 'rm -rf /' EXIT").first("rm")?.wrappers == ["trap"])
        #expect(ShellTesting.texts("trap - EXIT") == ["trap - EXIT"])
        #expect(ShellTesting.analyze(#"su -c "rm -rf /" root"#).first("rm")?.wrappers == ["su"])
        #expect(ShellTesting.analyze("watch -n 1 rm -rf /tmp/x").first("rm")?.wrappers == ["watch"])
        #expect(ShellTesting.analyze("fd -e tmp -x rm -f").first("rm")?.wrappers == ["fd"])
    }

    @Test("a shell reading a here-string or here-document has that text analysed")
    func shellStandardInput() {
        #expect(ShellTesting.analyze(#"bash <<< "rm -rf /""#).first("rm")?.wrappers == ["bash"])
        #expect(ShellTesting.analyze("sh <<'EOF'\nrm -rf $HOME\nEOF").first("rm")?.arguments == ["-rf", "/home/dev"])
        #expect(ShellTesting.analyze("cat <<EOF | bash\nshutdown now\nEOF").contains("shutdown now"))
        #expect(ShellTesting.analyze(#"echo "rm -rf /" | sh"#).first("rm")?.wrappers == ["sh"])
        #expect(ShellTesting.analyze(#"printf '%s\n' "mkfs /dev/sda" | bash -s"#).contains("mkfs /dev/sda"))
        // Unknown input to a shell keeps the marker, which is an unresolved program.
        #expect(ShellTesting.analyze(#"bash <<< "$(curl -s x)""#).hasUnresolvedProgram)
        // A here-document for a non-shell is data.
        #expect(ShellTesting.analyze("cat <<EOF\nrm -rf /\nEOF").first("rm") == nil)
    }
}
