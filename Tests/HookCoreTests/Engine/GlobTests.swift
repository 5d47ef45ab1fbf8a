import Testing
@testable import HookCore

@Suite struct GlobTests {
    @Test(arguments: [
        ("/home/u/.ssh/id_rsa", "/home/u/.ssh/id_*", true),
        ("/home/u/.ssh/keys/id_rsa", "/home/u/.ssh/id_*", false),
        ("/a/b/c/.env", "**/.env", true),
        ("/a/b/c/my.env", "**/.env", false),
        (".env", "**/.env", true),
        ("/etc/passwd", "/etc/**", true),
        ("/etcetera/x", "/etc/**", false),
        ("./src/a/b.swift", "./src/**", true),
        ("id_rsa.pub", "*.pub", true),
        ("dir/id_rsa.pub", "*.pub", false),
        ("a1", "a[0-9]", true),
        ("ab", "a[!b]", false),
        ("x?", "x\\?", true),
    ])
    func matchesPathGlobs(text: String, pattern: String, expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected)
    }

    @Test func adversarialPatternStaysFast() {
        // Classic exponential case for backtracking matchers.
        let text = String(repeating: "a", count: 5000) + "b"
        let pattern = String(repeating: "*a", count: 50) + "*c"
        #expect(!Glob(pattern).matches(text))
    }

    @Test func homeExpansionTakesTheHomeDirectoryLiterally() {
        let glob = Glob("~/.ssh/id_*").expandingHome("/home/a*b")
        #expect(glob.pattern == "/home/a*b/.ssh/id_*")
        #expect(glob.matches("/home/a*b/.ssh/id_rsa"))
        // A `*` in the home path is text, not a wildcard.
        #expect(!glob.matches("/home/aXb/.ssh/id_rsa"))
        #expect(!glob.matches("/home/a*b/.ssh/known_hosts"))
        // Other patterns are left as they are.
        let plain = Glob("**/.env")
        #expect(plain.expandingHome("/home/dev") === plain)
    }

    @Test func characterClassesAndEscapesSurviveTheTokenCodes() {
        #expect(Glob("/tmp/[a-c]x").matches("/tmp/bx"))
        #expect(!Glob("/tmp/[!a-c]x").matches("/tmp/bx"))
        #expect(Glob("/tmp/[!a-c]x").matches("/tmp/dx"))
        #expect(Glob("/tmp/\\*x").matches("/tmp/*x"))
        #expect(!Glob("/tmp/\\*x").matches("/tmp/ax"))
        // A byte above 0x7F is a literal like any other.
        #expect(Glob("/tmp/é*").matches("/tmp/été"))
    }
}
