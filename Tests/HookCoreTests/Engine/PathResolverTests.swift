import Testing
@testable import HookCore

@Suite struct PathResolverTests {
    let resolver = PathResolver(home: "/home/dev", cwd: "/home/dev/project")

    @Test(arguments: [
        ("~", "/home/dev"),
        ("~/.ssh/id_rsa", "/home/dev/.ssh/id_rsa"),
        ("$HOME/.aws/credentials", "/home/dev/.aws/credentials"),
        ("${HOME}/x", "/home/dev/x"),
        ("../.ssh/id_ed25519", "/home/dev/.ssh/id_ed25519"),
        ("/tmp/../etc//passwd", "/etc/passwd"),
        ("build", "/home/dev/project/build"),
        ("/../../etc", "/etc"),
        ("./src/./a.swift", "/home/dev/project/src/a.swift"),
    ])
    func resolves(raw: String, expected: String) {
        #expect(resolver.resolve(raw) == expected)
    }

    /// The fast path may only skip folding when folding would change nothing:
    /// every short path over `/`, `.` and two letters agrees with the fold.
    @Test func alreadyNormalPathsAreTheFoldsFixedPoints() {
        let alphabet: [Character] = ["/", ".", "a", "b"]
        var checked = 0, skipped = 0
        func visit(_ path: String) {
            if !path.isEmpty {
                checked += 1
                if PathResolver.isNormal(path) { skipped += 1 }
                #expect(PathResolver.normalise(path) == PathResolver.folded(path), "\(path)")
            }
            guard path.count < 7 else { return }
            for c in alphabet { visit(path + String(c)) }
        }
        visit("")
        #expect(checked == 21844)
        // The fast path is taken for a real share of them, not never.
        #expect(skipped > 1000)
    }
}
