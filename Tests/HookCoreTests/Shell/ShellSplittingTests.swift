import HookCore
import Testing

@Suite("Shell analyzer: splitting into commands")
struct ShellSplittingTests {
    @Test("separators ; && || | |& & and newlines each end a command")
    func separators() {
        let analysis = ShellTesting.analyze("a 1; b 2 && c || d | e |& f & g\nh")
        #expect(analysis.commands.map(\.text) == ["a 1", "b 2", "c", "d", "e", "f", "g", "h"])
        #expect(analysis.pipelines.map { $0.map(\.program) } == [["a"], ["b"], ["c"], ["d", "e", "f"], ["g"], ["h"]])
        #expect(analysis.problems.isEmpty)
    }

    @Test("operators inside quotes do not split")
    func quotedOperatorsStayInWords() {
        let analysis = ShellTesting.analyze(#"echo "a; rm -rf /" 'b && c' d\|e"#)
        #expect(analysis.commands.map(\.text) == ["echo a; rm -rf / b && c d|e"])
        #expect(analysis.first("rm") == nil)
    }

    @Test("a typical agent command splits into its two commands")
    func typicalCommand() {
        let analysis = ShellTesting.analyze(#"git commit -m "fix: thing" && npm test -- --watch=false"#)
        #expect(analysis.commands.count == 2)
        #expect(analysis.commands[0].arguments == ["commit", "-m", "fix: thing"])
        #expect(analysis.commands[1].arguments == ["test", "--", "--watch=false"])
        #expect(analysis.problems.isEmpty)
    }

    @Test("command substitution, backticks and process substitution are analysed")
    func substitutions() throws {
        let analysis = ShellTesting.analyze("echo $(rm -rf /) `shred x` <(cat a) >(tee b)")
        for program in ["rm", "shred", "cat", "tee", "echo"] {
            #expect(analysis.first(program) != nil, "missing \(program)")
        }
        // The outer word keeps the substitution text, marked unresolved.
        let echo = try #require(analysis.first("echo"))
        #expect(echo.arguments == ["$(rm -rf /)", "`shred x`", "<(cat a)", ">(tee b)"])
        #expect(echo.hasUnresolvedExpansion)
    }

    @Test("nested substitutions inside double quotes and parameter defaults")
    func nestedSubstitutions() {
        let analysis = ShellTesting.analyze(#"echo "x $(echo "$(rm -rf /tmp/a)")" ${UNSET:-$(shutdown now)}"#)
        #expect(analysis.contains("rm -rf /tmp/a"))
        #expect(analysis.contains("shutdown now"))
    }

    @Test("arithmetic is not a command substitution")
    func arithmetic() {
        let analysis = ShellTesting.analyze("echo $((1 + 2)) $(( $(id -u) * 2 )); (( n = 3 ))")
        #expect(analysis.commands.map(\.program) == ["id", "echo"])
        #expect(analysis.problems.isEmpty)
        // `$( (ls) )` is a subshell inside a substitution, not arithmetic.
        #expect(ShellTesting.analyze("echo $((ls) | wc -l)").commands.map(\.program) == ["ls", "wc", "echo"])
    }

    @Test("subshells and groups are analysed and keep their pipelines")
    func subshellsAndGroups() {
        let analysis = ShellTesting.analyze("(cd /tmp && rm -rf x) ; { echo a; mkfs /dev/sda; } > log")
        #expect(analysis.contains("rm -rf x"))
        #expect(analysis.contains("mkfs /dev/sda"))
        // The group's redirection survives as a redirection-only entry.
        #expect(analysis.commands.contains { $0.program.isEmpty && $0.redirections == [Redirection(op: ">", target: "log")] })
        #expect(analysis.problems.isEmpty)
    }

    @Test("a subshell's output continues the pipeline")
    func subshellPipeline() {
        let analysis = ShellTesting.analyze("(echo a | tr a b) | sh")
        #expect(analysis.pipelines.map { $0.map(\.program) } == [["echo", "tr", "sh"]])
    }

    @Test("a comment starts only at the beginning of a word")
    func comments() {
        #expect(ShellTesting.texts("echo a # ; rm -rf /") == ["echo a"])
        #expect(ShellTesting.texts("echo a#b; ls") == ["echo a#b", "ls"])
        #expect(ShellTesting.texts("#!/bin/sh\nls") == ["ls"])
    }

    @Test("keywords of if / while / for / case are separators, the commands inside are found")
    func compoundKeywords() {
        #expect(ShellTesting.texts("if true; then rm -rf /; fi") == ["true", "rm -rf /"])
        #expect(ShellTesting.texts("if a; then b; elif c; then d; else e; fi") == ["a", "b", "c", "d", "e"])
        #expect(ShellTesting.texts("while read l; do rm \"$l\"; done") == ["read l", "rm $l"])
        #expect(ShellTesting.texts("until false; do sleep 1; done") == ["false", "sleep 1"])
        #expect(ShellTesting.texts("for i in 1 2; do echo $i; done").contains("echo 1"))
        #expect(ShellTesting.texts("for ((i=0; i<3; i++)); do ls; done") == ["ls"])
        #expect(ShellTesting.texts("! rm -rf /") == ["rm -rf /"])
        #expect(ShellTesting.analyze("if true; then rm -rf /; fi").problems.isEmpty)
    }

    @Test("keywords are keywords only in command position")
    func keywordsAsArguments() {
        #expect(ShellTesting.texts("echo if then fi done }") == ["echo if then fi done }"])
    }

    @Test("case arms are analysed and their patterns are not commands")
    func caseStatement() {
        let analysis = ShellTesting.analyze("case $x in a|b) rm -rf /;; (*) ls;; esac; echo done")
        #expect(analysis.commands.map(\.text) == ["rm -rf /", "ls", "echo done"])
        #expect(analysis.problems.isEmpty)
        // Inside a substitution the pattern's `)` does not end the substitution.
        #expect(ShellTesting.texts("x=$(case a in a) reboot;; esac); ls") == ["reboot", "ls"])
    }

    @Test("[[ ]] is a test whose substitutions still run")
    func doubleBracket() {
        let analysis = ShellTesting.analyze("[[ -f x && $(rm -rf /) == y ]] && echo ok")
        #expect(analysis.contains("rm -rf /"))
        #expect(analysis.contains("echo ok"))
        #expect(analysis.first("[[")?.arguments == ["-f", "x", "&&", "$(rm -rf /)", "==", "y"])
    }

    @Test("function definitions: body analysed and recorded by name")
    func functions() {
        let analysis = ShellTesting.analyze("cleanup() { rm -rf \"$1\"; }; function other { ls; }; cleanup /")
        #expect(analysis.functionDefinitions["cleanup"] == #"rm -rf "$1";"#)
        #expect(analysis.functionDefinitions["other"] == "ls;")
        #expect(analysis.contains("rm -rf $1"))
        #expect(analysis.contains("cleanup /"))
        #expect(analysis.recursiveFunctions.isEmpty)
        // Its own name as an argument is not a call.
        #expect(ShellTesting.analyze("f() { echo f; }").recursiveFunctions.isEmpty)
    }

    @Test("the fork bomb parses and shows a function calling itself in the background")
    func forkBomb() {
        let analysis = ShellTesting.analyze(":(){ :|:& };:")
        #expect(analysis.functionDefinitions[":"] == ":|:&")
        #expect(analysis.recursiveFunctions == [":"])
        #expect(analysis.pipelines.contains { $0.map(\.program) == [":", ":"] })
        #expect(analysis.problems.isEmpty)
        // Spelled out with a name and newlines.
        let named = ShellTesting.analyze("bomb() {\n  bomb | bomb &\n}\nbomb")
        #expect(named.recursiveFunctions == ["bomb"])
    }
}
