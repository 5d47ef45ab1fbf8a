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
        isNormal(path) ? path : folded(path)
    }

    /// The general fold, segment by segment.
    static func folded(_ path: String) -> String {
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

    /// True when folding would change nothing: an absolute path with no empty,
    /// `.` or `..` segment and no trailing slash (most paths), checked without
    /// splitting.
    static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { b in
            guard b.count > 1, b[0] == UInt8(ascii: "/"), b[b.count - 1] != UInt8(ascii: "/") else { return false }
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            for i in 0..<(b.count - 1) where b[i] == slash {
                // The segment after this slash: empty, "." or ".." needs folding.
                let next = b[i + 1]
                if next == slash { return false }
                if next == dot {
                    let end = i + 2 == b.count || b[i + 2] == slash
                    let dotDot = i + 2 < b.count && b[i + 2] == dot && (i + 3 == b.count || b[i + 3] == slash)
                    if end || dotDot { return false }
                }
            }
            return true
        }
    }
}
