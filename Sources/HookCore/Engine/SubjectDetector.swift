/// A built-in detector a policy names with `detector: <id>`. Detectors are the
/// code half of the policy language: structure-aware checks (parsed shell
/// commands, pipelines) that globs and substrings cannot express.
public protocol SubjectDetector: Sendable {
    var id: String { get }
    func matches(_ subject: Subject, home: String?) -> Bool
    /// The engine's entry point: one context per subject, shared by every
    /// detector asked about it (no per-detector copy of the subject).
    func matches(in context: DetectorContext) -> Bool
}

extension SubjectDetector {
    public func matches(in context: DetectorContext) -> Bool { matches(context.subject, home: context.home) }
}

public struct DetectorRegistry: Sendable {
    private var byID: [String: any SubjectDetector]

    public init(_ detectors: [any SubjectDetector]) {
        var byID: [String: any SubjectDetector] = [:]
        byID.reserveCapacity(detectors.count)
        for detector in detectors { byID[detector.id] = detector }
        self.byID = byID
    }

    public subscript(id: String) -> (any SubjectDetector)? { byID[id] }
    public var ids: [String] { byID.keys.sorted() }

    public static let builtin = DetectorRegistry(
        ShellDetectors.all + ShellPackDetectors.all + SQLDetectors.all + DataDetectors.all)
}
