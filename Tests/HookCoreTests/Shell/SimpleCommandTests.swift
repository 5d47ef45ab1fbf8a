import HookCore
import Testing

@Suite("SimpleCommand flags and operands")
struct SimpleCommandTests {
    @Test("hasFlag finds a short flag in any cluster and a long flag with or without a value")
    func flags() {
        for arguments in [["-rf", "/"], ["-fr", "/"], ["-r", "-f", "/"], ["--recursive", "--force", "/"], ["-v", "-Rf", "/"]] {
            let command = SimpleCommand(programPath: "rm", arguments: arguments)
            #expect(command.hasFlag(short: "f", long: "force"), "\(arguments)")
            #expect(command.hasFlag(short: "r", long: "recursive") || command.hasFlag(short: "R", long: nil), "\(arguments)")
        }
        let withValue = SimpleCommand(programPath: "git", arguments: ["push", "--force-with-lease=main"])
        #expect(withValue.hasFlag(short: nil, long: "force-with-lease"))
        #expect(!withValue.hasFlag(short: nil, long: "force"))
    }

    @Test("hasFlag stops at -- and ignores operands")
    func flagsStopAtDoubleDash() {
        let command = SimpleCommand(programPath: "rm", arguments: ["--", "-rf", "/"])
        #expect(!command.hasFlag(short: "r", long: "recursive"))
        #expect(!SimpleCommand(programPath: "rm", arguments: ["file-r"]).hasFlag(short: "r", long: nil))
        #expect(!SimpleCommand(programPath: "rm", arguments: ["-"]).hasFlag(short: "r", long: nil))
    }

    @Test("operands are the non-flag arguments, and everything after --")
    func operands() {
        let command = SimpleCommand(programPath: "rm", arguments: ["-rf", "a", "-", "--verbose", "--", "-b", "c"])
        #expect(command.operands == ["a", "-", "-b", "c"])
    }

    @Test("program is the basename of the path")
    func programName() {
        #expect(SimpleCommand.programName(fromPath: "/usr/bin/rm") == "rm")
        #expect(SimpleCommand.programName(fromPath: "./rm") == "rm")
        #expect(SimpleCommand.programName(fromPath: "rm") == "rm")
        #expect(SimpleCommand.programName(fromPath: "/bin//rm//") == "rm")
        #expect(SimpleCommand.programName(fromPath: "/") == "/")
        #expect(SimpleCommand.programName(fromPath: "") == "")
    }

    @Test("text renders program and arguments")
    func text() {
        #expect(SimpleCommand(programPath: "/bin/rm", arguments: ["-rf", "/"]).text == "rm -rf /")
    }

    @Test("writesTarget tells file writes from descriptor duplication")
    func redirectionWrites() {
        #expect(Redirection(op: ">", target: "/dev/sda").writesTarget)
        #expect(Redirection(op: "2>>", target: "log").writesTarget)
        #expect(Redirection(op: "&>", target: "x").writesTarget)
        #expect(Redirection(op: ">&", target: "file").writesTarget)
        #expect(!Redirection(op: "2>&", target: "1").writesTarget)
        #expect(!Redirection(op: "<", target: "in").writesTarget)
        #expect(!Redirection(op: "<<<", target: "x").writesTarget)
    }

    @Test("redirections keep their descriptor prefix and expanded target")
    func redirections() {
        let command = ShellTesting.analyze("cmd 2>&1 >>$HOME/log &>/dev/null <in <>rw >|f 3<&0 > /dev/sda").commands.first
        #expect(command?.redirections.map(\.op) == ["2>&", ">>", "&>", "<", "<>", ">|", "3<&", ">"])
        #expect(command?.redirections.map(\.target) == ["1", "/home/dev/log", "/dev/null", "in", "rw", "f", "0", "/dev/sda"])
        let bare = ShellTesting.analyze("> /dev/sda").commands.first
        #expect(bare?.program == "")
        #expect(bare?.redirections == [Redirection(op: ">", target: "/dev/sda")])
    }
}
