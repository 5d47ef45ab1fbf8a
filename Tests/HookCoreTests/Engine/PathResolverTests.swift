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
}
