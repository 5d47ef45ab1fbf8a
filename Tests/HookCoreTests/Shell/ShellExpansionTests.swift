import HookCore
import Testing

@Suite("Shell analyzer: expansion")
struct ShellExpansionTests {
    @Test("tilde and HOME expand; globs stay as text")
    func home() {
        let command = ShellTesting.analyze(#"rm -rf ~ ~/x $HOME ${HOME}/* "$HOME/y" X=~/z"#).commands.first
        #expect(command?.arguments == ["-rf", "/home/dev", "/home/dev/x", "/home/dev", "/home/dev/*", "/home/dev/y", "X=/home/dev/z"])
        #expect(command?.hasUnresolvedExpansion == false)
    }

    @Test("a quoted or mid-word tilde is literal; ~user is kept as written")
    func tildeLiteral() {
        let command = ShellTesting.analyze(#"ls "~" a~b ~root/x"#).commands.first
        #expect(command?.arguments == ["~", "a~b", "~root/x"])
        #expect(command?.hasUnresolvedExpansion == true)
    }

    @Test("without a home, ~ and $HOME stay visible instead of vanishing")
    func unknownHome() {
        let analyzer = ShellAnalyzer(home: nil)
        #expect(analyzer.analyze("rm -rf ~/ $HOME").commands.first?.arguments == ["-rf", "~/", "$HOME"])
        let fromEnvironment = ShellAnalyzer(home: nil, environment: ["HOME": "/Users/a"])
        #expect(fromEnvironment.analyze("ls ~").commands.first?.arguments == ["/Users/a"])
    }

    @Test("variables assigned earlier on the line expand and word-split")
    func earlierAssignments() {
        #expect(ShellTesting.texts("F=-rf; rm $F /") == ["rm -rf /"])
        #expect(ShellTesting.texts("F='-r -f'; rm $F /") == ["rm -r -f /"])
        #expect(ShellTesting.analyze("F='-r -f'; rm \"$F\" /").commands.first?.arguments == ["-r -f", "/"])
        #expect(ShellTesting.texts("A=r; B=m; $A$B -rf /") == ["rm -rf /"])
        #expect(ShellTesting.texts("x=1; x+=2; echo $x") == ["echo 12"])
    }

    @Test("export, declare, local and readonly assign too")
    func declarations() {
        #expect(ShellTesting.texts("export F=-rf; rm $F /").last == "rm -rf /")
        #expect(ShellTesting.texts("declare -x T=/; readonly O=-f; rm $O $T").last == "rm -f /")
    }

    @Test("a prefix assignment is the command's environment, not a shell variable")
    func prefixAssignment() {
        let analysis = ShellTesting.analyze("FOO=1 BAR=x rm -rf /; echo $FOO")
        #expect(analysis.commands[0].assignments == ["FOO": "1", "BAR": "x"])
        #expect(analysis.commands[0].text == "rm -rf /")
        #expect(analysis.commands[1].arguments == ["$FOO"])
    }

    @Test("unknown variables keep their text and are marked, never silently empty")
    func unknownVariables() {
        let command = ShellTesting.analyze(#"rm -rf $TARGET/ "${DIR}" ${X:-/} $1 $@"#).commands.first
        #expect(command?.arguments == ["-rf", "$TARGET/", "${DIR}", "${X:-/}", "$1", "$@"])
        #expect(command?.hasUnresolvedExpansion == true)
    }

    @Test("the environment given to the analyzer is known; common ${} operators apply")
    func environmentAndOperators() {
        let command = ShellTesting.analyze("echo $USER ${#USER} ${PATH:0:8} ${USER:-x} ${USER:+set} ${EMPTY-}").commands.first
        #expect(command?.arguments == ["dev", "3", "/usr/bin", "dev", "set", "${EMPTY-}"])
    }

    @Test("$IFS as a separator is reported and still split so the command is seen")
    func ifsSeparator() {
        for input in ["rm${IFS}-rf${IFS}/", "rm$IFS-rf$IFS/", "rm${IFS:0:1}-rf${IFS:0:1}/"] {
            let analysis = ShellTesting.analyze(input)
            #expect(analysis.problems == [.ifsManipulation], "\(input)")
            #expect(analysis.commands.map(\.text) == ["rm -rf /"], "\(input)")
        }
    }

    @Test("IFS set to non-blank separators is reported and changes splitting; routine IFS settings are not")
    func ifsAssignment() {
        let analysis = ShellTesting.analyze("IFS=,; X=rm,-rf,/; $X")
        #expect(analysis.problems.contains(.ifsManipulation))
        #expect(analysis.commands.map(\.text) == ["rm -rf /"])
        #expect(ShellTesting.analyze("while IFS= read -r line; do echo \"$line\"; done < f").problems.isEmpty)
        #expect(ShellTesting.analyze("set -euo pipefail; IFS=$'\\n\\t'").problems.isEmpty)
        #expect(ShellTesting.analyze("IFS=$UNKNOWN").problems == [.ifsManipulation])
    }

    @Test("a variable assigned only in some branch gives one command per possible value")
    func conditionalAssignment() {
        let analysis = ShellTesting.analyze("F=-i; if false; then F=-rf; fi; rm $F /")
        #expect(analysis.commands(named: "rm").map(\.text) == ["rm -i /", "rm -rf /"])
        #expect(ShellTesting.texts("true && F=-rf; rm $F /").contains("rm -rf /"))
        #expect(ShellTesting.texts("for f in -rf; do rm $f /; done") == ["rm -rf /"])
    }

    @Test("brace expansion cannot hide a command")
    func braces() {
        #expect(ShellTesting.texts("{rm,-rf,/}") == ["rm -rf /"])
        #expect(ShellTesting.texts("r{m,} -rf /") == ["rm r -rf /"])
        #expect(ShellTesting.texts("echo {a,b}{1,2} '{x,y}' {} {z}") == ["echo a1 a2 b1 b2 {x,y} {} {z}"])
    }

    @Test("positional parameters are known inside bash -c STRING NAME ARGS")
    func positional() {
        let analysis = ShellTesting.analyze(#"bash -c 'rm $1 "$2"; echo $0 $# "$@"' me -rf /"#)
        #expect(analysis.contains("rm -rf /"))
        #expect(analysis.contains("echo me 2 -rf /"))
    }

    @Test("a substitution whose output is fixed by the line expands to that output")
    func fixedSubstitutionOutput() {
        #expect(ShellTesting.texts("$(echo rm) -rf /").last == "rm -rf /")
        #expect(ShellTesting.texts("x=`printf %s rm`; $x -rf /").last == "rm -rf /")
        // The common commit-message idiom: the message is data, known and not a command.
        let commit = ShellTesting.analyze("git commit -m \"$(cat <<'EOF'\nFix: $(rm -rf /) is text\n\nBody\nEOF\n)\"")
        #expect(commit.first("git")?.arguments == ["commit", "-m", "Fix: $(rm -rf /) is text\n\nBody"])
        #expect(commit.first("git")?.hasUnresolvedExpansion == false)
        #expect(commit.first("rm") == nil)
        #expect(commit.problems.isEmpty)
    }

    @Test("a substitution that runs more than a fixed producer stays unresolved")
    func unfixedSubstitutionOutput() {
        for input in ["echo $(echo a; ls)", "echo $(echo $HOSTNAME)", "echo $(echo hi > f)", #"echo $(echo 'a\b')"#,
                      "echo $(cat <<EOF\n$(id)\nEOF\n)", "echo $(cat file)"] {
            #expect(ShellTesting.analyze(input).commands.last?.hasUnresolvedExpansion == true, "\(input)")
        }
    }

    @Test("unset and read make a variable unknown again")
    func unsetAndRead() {
        #expect(ShellTesting.texts("F=x; unset F; rm $F").last == "rm $F")
        #expect(ShellTesting.texts("F=x; read F; rm $F").last == "rm $F")
    }

    @Test("an unknown program name is a problem")
    func unresolvedProgram() {
        #expect(ShellTesting.analyze("$CMD -rf /").problems == [.unresolvedExpansionInProgram("$CMD")])
        #expect(ShellTesting.analyze("/???/r? -rf /").problems == [.unresolvedExpansionInProgram("/???/r?")])
        let substituted = ShellTesting.analyze("$(whoami) -rf /")
        #expect(substituted.problems == [.unresolvedExpansionInProgram("$(whoami)")])
        #expect(substituted.first("$(whoami)")?.arguments == ["-rf", "/"])
        #expect(ShellTesting.analyze("X=ls; $X -la").problems.isEmpty)
    }
}
