import HookCore
import Testing

@Suite("Shell analyzer: quote removal")
struct ShellQuotingTests {
    @Test("quoted and escaped spellings of a program all normalise to it", arguments: [
        #"rm -rf /"#, #""rm" -rf /"#, #"'rm' -rf /"#, #"r''m -rf /"#, #"r""m -rf /"#, #"\rm -rf /"#,
        #"r\m -rf /"#, #"$'\x72\x6d' -rf /"#, #"$'\162\155' -rf /"#, #"$'\u0072m' -rf /"#, #"$"rm" -rf /"#,
        #"/bin/rm -rf /"#, #"/usr/bin/rm -rf /"#, #"./rm -rf /"#, #""/bin/"r'm' -rf /"#,
    ])
    func programSpellings(command: String) {
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.commands.count == 1)
        #expect(analysis.commands.first?.program == "rm")
        #expect(analysis.commands.first?.arguments == ["-rf", "/"])
        #expect(analysis.problems.isEmpty)
    }

    @Test("the program path keeps the directory as written after unquoting")
    func programPath() {
        let command = ShellTesting.analyze(#""/usr/bin/"rm x"#).commands.first
        #expect(command?.programPath == "/usr/bin/rm")
        #expect(command?.program == "rm")
    }

    @Test("double quotes keep only $ ` \" \\ and newline escapes")
    func doubleQuoteEscapes() {
        let command = ShellTesting.analyze(#"echo "a\$b \"c\" \\ \x""#).commands.first
        #expect(command?.arguments == [#"a$b "c" \ \x"#])
    }

    @Test("single quotes are literal, including backslashes and $")
    func singleQuotes() {
        #expect(ShellTesting.analyze(#"echo '$HOME \n $(rm)'"#).commands.map(\.arguments) == [[#"$HOME \n $(rm)"#]])
        #expect(ShellTesting.analyze(#"echo '$(rm -rf /)'"#).first("rm") == nil)
    }

    @Test("ANSI-C quoting decodes the common escapes")
    func ansiC() {
        let command = ShellTesting.analyze(#"printf $'a\tb\nc\x41\101\u00e9\'\\'"#).commands.first
        #expect(command?.arguments == ["a\tb\ncAAé'\\"])
    }

    @Test("empty quotes are an empty argument, not nothing")
    func emptyQuotes() {
        #expect(ShellTesting.analyze(#"rm "" ''"#).commands.first?.arguments == ["", ""])
    }

    @Test("a backslash-newline joins lines")
    func lineContinuation() {
        #expect(ShellTesting.texts("rm \\\n -rf \\\n /") == ["rm -rf /"])
        #expect(ShellTesting.texts("r\\\nm x") == ["rm x"])
    }

    @Test("an unterminated quote is a problem but the command is still returned")
    func unterminated() {
        let analysis = ShellTesting.analyze(#"rm -rf "/tmp/x"#)
        #expect(analysis.problems == [.unterminatedQuote])
        #expect(analysis.first("rm")?.arguments == ["-rf", "/tmp/x"])
        #expect(ShellTesting.analyze("echo 'abc").problems == [.unterminatedQuote])
        #expect(ShellTesting.analyze("echo $'abc").problems == [.unterminatedQuote])
    }
}
