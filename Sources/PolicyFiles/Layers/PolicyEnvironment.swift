import HookCore

/// What decides which policy files load: the directories of each layer and
/// the tags that select files by `appliesTo`.
public struct PolicyEnvironment: Sendable {
    public var managed: [String]
    public var user: [String]
    public var project: [String]
    /// Active tags: GATEHOUSE_TAGS plus the host's own tag.
    public var tags: Set<String>
    public var host: HostID

    public static let managedVariable = "GATEHOUSE_POLICY_DIRS_MANAGED"
    public static let userVariable = "GATEHOUSE_POLICY_DIRS_USER"
    public static let tagsVariable = "GATEHOUSE_TAGS"

    public init(managed: [String] = [], user: [String] = [], project: [String] = [], tags: Set<String> = [], host: HostID) {
        self.managed = managed
        self.user = user
        self.project = project
        self.tags = tags
        self.host = host
    }

    /// The tag a host's files are written for (MeshGuard files say `claude-code`).
    public static func tag(for host: HostID) -> String {
        host.rawValue == "claude" ? "claude-code" : host.rawValue
    }

    /// Layer directories from the environment; `cwd` is where the project
    /// search starts.
    public init(environment: [String: String], host: HostID, cwd: String?) {
        func dirs(_ variable: String) -> [String]? {
            environment[variable].map { $0.split(separator: ":").map(String.init).filter { !$0.isEmpty } }
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        self.managed = dirs(PolicyEnvironment.managedVariable) ?? [PolicyEnvironment.managedDirectory(environment)]
        if let user = dirs(PolicyEnvironment.userVariable) {
            self.user = user
        } else if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            self.user = [config + "/gatehouse/policies"]
        } else {
            self.user = home.map { [$0 + "/.config/gatehouse/policies"] } ?? []
        }
        self.project = cwd.map { PolicyEnvironment.projectDirectories(from: $0, home: home) } ?? []
        var tags = Set((environment[PolicyEnvironment.tagsVariable] ?? "").split(separator: ",").map {
            String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        }.filter { !$0.isEmpty })
        tags.insert(PolicyEnvironment.tag(for: host))
        self.tags = tags
        self.host = host
    }

    static func managedDirectory(_ environment: [String: String]) -> String {
        #if os(macOS)
            return "/Library/Application Support/Gatehouse/policies"
        #elseif os(Windows)
            return (environment["ProgramData"] ?? "C:\\ProgramData") + "\\Gatehouse\\policies"
        #else
            return "/etc/gatehouse/policies"
        #endif
    }

    /// `.gatehouse/policies` directories from `cwd` up to the repository root
    /// (the first directory holding `.git`), nearest first. Without a
    /// repository only `cwd` itself is looked at.
    public static func projectDirectories(from cwd: String, home: String?) -> [String] {
        guard cwd.hasPrefix("/") else { return [] }
        var found: [String] = []
        var directory = cwd.count > 1 && cwd.hasSuffix("/") ? String(cwd.dropLast()) : cwd
        var visited: [String] = []
        for _ in 0..<64 {
            visited.append(directory)
            if directory == home || directory == "/" { break }
            let candidate = directory + "/.gatehouse/policies"
            if FileSystem.isDirectory(candidate) { found.append(candidate) }
            if FileSystem.exists(directory + "/.git") { return found }
            guard let slash = directory.lastIndex(of: "/") else { break }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
        // No repository above: only the working directory's own folder counts.
        let own = (visited.first ?? cwd) + "/.gatehouse/policies"
        return FileSystem.isDirectory(own) ? [own] : []
    }
}
