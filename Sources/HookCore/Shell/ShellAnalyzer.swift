/// Parses a command line the way a POSIX shell / bash would, so policy rules
/// match the commands that would really run rather than the raw string.
///
/// Linear-time over the input with bounded recursion and a work budget: it
/// never traps or hangs, whatever it is given. What it cannot parse it
/// reports as a problem while still returning the commands it found.
public struct ShellAnalyzer: Sendable {
    /// Inputs longer than this are cut (and reported as `tooLarge`).
    public static let maximumInputLength = 256 * 1024

    /// Expands `~` and `$HOME`; nil falls back to `environment["HOME"]`.
    public var home: String?
    /// Variables the command line inherits; others are unknown and keep
    /// their `$NAME` text.
    public var environment: [String: String]
    /// How deep substitutions, `bash -c` strings, `eval` and friends may nest.
    public var maximumDepth: Int

    public init(home: String?, environment: [String: String] = [:], maximumDepth: Int = 8) {
        self.home = home
        self.environment = environment
        self.maximumDepth = maximumDepth
    }

    public func analyze(_ command: String) -> ShellAnalysis {
        var bytes = Array(command.utf8)
        let tooLarge = bytes.count > ShellAnalyzer.maximumInputLength
        if tooLarge { bytes.removeSubrange(ShellAnalyzer.maximumInputLength...) }
        // Re-parsing (bash -c, eval, here-documents), expansion and the words
        // recorded may cost a bounded multiple of the input, never more.
        let collector = ShellCollector(
            home: home,
            environment: environment,
            maximumDepth: max(1, maximumDepth),
            budget: 8 * bytes.count + (64 << 10)
        )
        if tooLarge { collector.report(.tooLarge) }
        collector.charge(bytes.count)
        var parser = ShellParser(bytes: bytes, collector: collector, depth: 0, wrappers: [])
        _ = parser.parseList(until: .end)
        return collector.analysis()
    }
}

extension ShellCollector {
    func analysis() -> ShellAnalysis {
        ShellAnalysis(
            commands: commands,
            pipelines: pipelines.map { $0.map { commands[$0] } },
            problems: problems,
            functionDefinitions: functionDefinitions,
            recursiveFunctions: recursiveFunctions.sorted()
        )
    }
}
