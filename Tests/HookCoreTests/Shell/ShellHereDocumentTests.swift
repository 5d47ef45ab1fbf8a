import HookCore
import Testing

@Suite("Shell analyzer: here-documents and here-strings")
struct ShellHereDocumentTests {
    @Test("the body is attached to the redirection and skipped as commands")
    func bodyIsData() {
        let analysis = ShellTesting.analyze("cat <<EOF > f\nrm -rf /\nEOF\necho after")
        #expect(analysis.commands.map(\.text) == ["cat", "echo after"])
        #expect(analysis.commands[0].redirections == [
            Redirection(op: "<<", target: "EOF", hereDocument: "rm -rf /\n"),
            Redirection(op: ">", target: "f"),
        ])
    }

    @Test("an unquoted delimiter expands the body; substitutions in it run")
    func unquotedDelimiter() {
        let analysis = ShellTesting.analyze("cat <<EOF\nhome=$HOME $(reboot)\nEOF")
        #expect(analysis.contains("reboot"))
        #expect(analysis.first("cat")?.redirections.first?.hereDocument == "home=/home/dev $(reboot)\n")
        let quoted = ShellTesting.analyze("cat <<'EOF'\nhome=$HOME $(reboot)\nEOF")
        #expect(quoted.first("reboot") == nil)
        #expect(quoted.first("cat")?.redirections.first?.hereDocument == "home=$HOME $(reboot)\n")
    }

    @Test("<<- strips leading tabs; several here-documents on one line")
    func tabsAndSeveral() {
        let analysis = ShellTesting.analyze("cat <<-A <<B; echo mid\n\tone\n\tA\ntwo\nB\necho end")
        #expect(analysis.commands.map(\.text) == ["cat", "echo mid", "echo end"])
        #expect(analysis.first("cat")?.redirections.map(\.hereDocument) == ["one\n", "two\n"])
    }

    @Test("a here-document inside a substitution")
    func insideSubstitution() {
        let analysis = ShellTesting.analyze("x=$(cat <<EOF\nhello\nEOF\n); echo $x")
        #expect(analysis.first("cat")?.redirections.first?.hereDocument == "hello\n")
        #expect(analysis.problems.isEmpty)
    }

    @Test("a here-string is the expanded word plus a newline")
    func hereString() {
        let analysis = ShellTesting.analyze(#"grep x <<< "$HOME""#)
        #expect(analysis.first("grep")?.redirections == [Redirection(op: "<<<", target: "/home/dev")])
    }

    @Test("a missing delimiter is a problem; the body is still used")
    func unterminated() {
        let analysis = ShellTesting.analyze("bash <<EOF\nrm -rf /")
        #expect(analysis.problems == [.unterminatedHereDocument(delimiter: "EOF")])
        #expect(analysis.first("rm") != nil)
    }
}
