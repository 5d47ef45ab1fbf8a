/// Turns a path as an agent wrote it into the absolute, normalised form rules
/// are written against: `~` and `$HOME` expanded, relative paths joined to the
/// working directory, `.`/`..`/`//` folded. Purely textual: no file system
/// access, so a missing file cannot change a decision.
public struct PathResolver: Sendable {
    public var home: String?
    public var cwd: String?

    public init(home: String?, cwd: String?) {
        self.home = home
        self.cwd = cwd
    }

    public func resolve(_ raw: String) -> String {
        var path = raw
        if let home {
            if path == "~" || path == "$HOME" || path == "${HOME}" {
                path = home
            } else if path.hasPrefix("~/") {
                path = home + path.dropFirst(1)
            } else if path.hasPrefix("$HOME/") {
                path = home + path.dropFirst(5)
            } else if path.hasPrefix("${HOME}/") {
                path = home + path.dropFirst(7)
            }
        }
        if !path.hasPrefix("/") {
            guard let cwd else { return PathResolver.normalise(path) }
            path = cwd + "/" + path
        }
        return PathResolver.normalise(path)
    }

    /// Folds `.`, `..` and repeated slashes; keeps a trailing `/*`-style glob
    /// segment as text. `..` above the root stays at the root, as in the kernel.
    public static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !parts.isEmpty, parts.last != ".." { parts.removeLast() }
                else if !absolute { parts.append(segment) }
                continue
            }
            parts.append(segment)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
