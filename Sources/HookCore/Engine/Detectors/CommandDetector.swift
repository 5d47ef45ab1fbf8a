/// A detector defined by one test over a shell subject's parsed command. Most
/// pack detectors are a few lines of logic, so they share this type instead of
/// one struct each; the logic lives in small static functions by concept.
struct CommandDetector: SubjectDetector {
    let id: String
    let test: @Sendable (SimpleCommand, DetectorContext) -> Bool

    init(_ id: String, _ test: @escaping @Sendable (SimpleCommand, DetectorContext) -> Bool) {
        self.id = id
        self.test = test
    }

    func matches(_ subject: Subject, home: String?) -> Bool {
        matches(in: DetectorContext(subject: subject, home: home))
    }

    func matches(in context: DetectorContext) -> Bool {
        guard context.subject.action == .executeShell, let command = context.subject.command else { return false }
        return test(command, context)
    }
}

/// A detector over any subject (file, web, MCP, shell).
struct SubjectTestDetector: SubjectDetector {
    let id: String
    let test: @Sendable (Subject, DetectorContext) -> Bool

    init(_ id: String, _ test: @escaping @Sendable (Subject, DetectorContext) -> Bool) {
        self.id = id
        self.test = test
    }

    func matches(_ subject: Subject, home: String?) -> Bool {
        test(subject, DetectorContext(subject: subject, home: home))
    }

    func matches(in context: DetectorContext) -> Bool { test(context.subject, context) }
}

/// What a detector needs besides the command: where `~` and relative paths point.
public struct DetectorContext {
    public let subject: Subject
    public let home: String?
    let resolver: PathResolver

    public init(subject: Subject, home: String?) {
        self.subject = subject
        self.home = home
        self.resolver = PathResolver(home: home, cwd: subject.cwd.isEmpty ? nil : subject.cwd)
    }

    func resolve(_ path: String) -> String { resolver.resolve(path) }

    /// True when `path` names the root, the home directory (or every user's),
    /// a top-level system directory, or everything inside one of them (`dir/*`).
    func isCritical(_ raw: String) -> Bool {
        CriticalPaths.isCritical(resolve(raw), home: home)
    }
}
