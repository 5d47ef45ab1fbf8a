import HookCore

/// One policy file, decoded: its rules as engine policies plus what only
/// people and `policy test` need (tests, appliesTo, the source node).
public struct PolicyDocument: Sendable {
    public var file: String
    public var layer: PolicyLayer
    public var name: String
    public var version: String?
    public var description: String?
    public var appliesTo: AppliesTo
    public var defaultEffect: Effect?
    public var rules: [PolicyRule]

    public var policies: [Policy] { rules.map(\.policy) }
}

/// Where a file applies: any listed tag, and any listed host. Empty lists
/// place no limit.
public struct AppliesTo: Sendable, Equatable {
    public var tags: [String]
    public var hosts: [String]

    public init(tags: [String] = [], hosts: [String] = []) {
        self.tags = tags
        self.hosts = hosts
    }

    public func matches(tags active: Set<String>, host: String) -> Bool {
        (tags.isEmpty || tags.contains(where: active.contains)) && (hosts.isEmpty || hosts.contains(host))
    }
}

public struct PolicyRule: Sendable {
    public var policy: Policy
    public var tests: [PolicyTestCase]
    /// The rule as written, for `policy show`.
    public var node: YAMLNode
}

/// A `tests:` case: a tool call in the host's own words and the verdict the
/// whole layered engine must reach.
public struct PolicyTestCase: Sendable {
    /// Claude Code hook payload built from the case's `input`.
    public var payload: JSONValue
    public var expect: Verdict
    public var mark: YAMLMark
    /// A short label: the command, path, URL or tool.
    public var label: String
}
