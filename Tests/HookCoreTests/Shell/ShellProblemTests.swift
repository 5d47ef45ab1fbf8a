import HookCore
import Testing

@Suite("Shell analyzer: problems and limits")
struct ShellProblemTests {
    @Test("unbalanced substitutions are reported with the commands found so far", arguments: [
        "echo $(rm -rf /", "echo `rm -rf /", "echo ${HOME", "echo $((1 + 2", "diff <(rm -rf /",
    ])
    func unbalanced(command: String) {
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.problems.contains(.unbalancedSubstitution), "\(analysis.problems)")
        #expect(analysis.first("echo") != nil || analysis.first("diff") != nil)
    }

    @Test("the rm inside an unterminated substitution is still found")
    func bestEffort() {
        #expect(ShellTesting.analyze("echo $(rm -rf /").contains("rm -rf /"))
    }

    @Test("syntax the shell rejects is reported", arguments: [
        ("echo )", ShellProblem.unexpectedToken(")")),
        ("if true; then ls", .unterminatedCompound("if")),
        ("while true; do ls", .unterminatedCompound("do")),
        ("(ls", .unterminatedCompound("(")),
        ("{ ls;", .unterminatedCompound("{")),
        ("[[ -f x", .unterminatedCompound("[[")),
        ("ls; fi", .unexpectedToken("fi")),
        ("| ls", .unexpectedToken("|")),
        ("&& ls", .unexpectedToken("&&")),
        ("ls | | wc", .unexpectedToken("|")),
        ("case x in a) ls;;", .unterminatedCompound("case")),
    ])
    func syntax(command: String, problem: ShellProblem) {
        #expect(ShellTesting.analyze(command).problems.contains(problem), "\(ShellTesting.analyze(command).problems)")
    }

    @Test("well-formed input has no problems", arguments: [
        "ls -la", "git status && git diff --stat", "for f in *.swift; do wc -l \"$f\"; done",
        "case \"$1\" in start) run;; *) usage;; esac", "if [ -f x ]; then cat x; fi",
        "cat <<'EOF'\nhello\nEOF", "f() { echo hi; }; f", "(cd sub && make) | tee log",
        "x=$(date +%s); echo $((x + 1))", "arr=(a b \"c d\"); echo ${#arr[@]}", "FILES+=(\"$f\"); echo ok",
        "{ a; } | b && c", "if a; then b; fi && c", "(a) || b", "f() { a; } && f", "((x > 1)) && y",
        "while a; do b; done | c", "case a in a) b;; esac | c", "[ -d x ] && [[ -f y ]]",
    ])
    func clean(command: String) {
        #expect(ShellTesting.analyze(command).problems.isEmpty, "\(ShellTesting.analyze(command).problems)")
    }

    @Test("syntax errors in re-parsed text built from unknown values are not reported")
    func approximateReparse() {
        // The stand-in `$CMD` may hide the closing quote; only the unknown program is certain.
        #expect(ShellTesting.analyze(#"eval "$CMD '""#).problems == [.unresolvedExpansionInProgram("$CMD")])
        // Known text is held to the grammar.
        #expect(ShellTesting.analyze(#"eval "echo '""#).problems == [.unterminatedQuote])
    }

    @Test("nesting past the depth limit is reported, and what fits is analysed")
    func depthLimit() {
        let nested = String(repeating: "$(", count: 12) + "rm -rf /" + String(repeating: ")", count: 12)
        let analysis = ShellTesting.analyze("echo " + nested)
        #expect(analysis.problems.contains(.depthLimitExceeded))
        #expect(analysis.first("echo") != nil)
        let shallow = ShellAnalyzer(home: nil, maximumDepth: 2)
        #expect(shallow.analyze("bash -c 'bash -c \"bash -c ls\"'").problems.contains(.depthLimitExceeded))
        #expect(shallow.analyze("bash -c 'bash -c ls'").problems.isEmpty)
        #expect(shallow.analyze("echo $(echo $(ls))").problems.isEmpty)
    }

    @Test("input over 256 KiB is cut and reported; the start is analysed")
    func tooLarge() {
        let command = "rm -rf /tmp/x; " + String(repeating: "echo aaaaaaaaaa; ", count: 20_000)
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.problems.contains(.tooLarge))
        #expect(analysis.commands.first?.text == "rm -rf /tmp/x")
        #expect(!ShellTesting.analyze("ls").problems.contains(.tooLarge))
    }

    @Test("expansion that keeps doubling hits the budget instead of exhausting memory")
    func expansionBudget() {
        var command = "A=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        for _ in 0..<40 { command += "; A=$A$A" }
        command += "; echo $A"
        let analysis = ShellTesting.analyze(command)
        #expect(analysis.problems.contains(.analysisLimitExceeded))
    }

    @Test("every problem has a readable description")
    func descriptions() {
        let problems: [ShellProblem] = [
            .unterminatedQuote, .unbalancedSubstitution, .unexpectedToken(")"), .unterminatedCompound("if"),
            .unterminatedHereDocument(delimiter: "EOF"), .depthLimitExceeded, .ifsManipulation,
            .unresolvedExpansionInProgram("$X"), .decoderPipedToShell(decoder: "base64", shell: "sh"), .tooLarge,
            .analysisLimitExceeded,
        ]
        for problem in problems { #expect(!problem.description.isEmpty) }
        #expect(ShellProblem.decoderPipedToShell(decoder: "base64", shell: "sh").description.contains("base64"))
        #expect(ShellProblem.unresolvedExpansionInProgram("$X").description.contains("$X"))
    }
}
