/// Paths whose loss or corruption breaks the machine or the user's account.
enum CriticalPaths {
    /// Top-level system directories (Linux and macOS). `/tmp` is not among
    /// them: clearing it is routine.
    static let systemDirectories: Set<String> = [
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/proc", "/root",
        "/sbin", "/srv", "/sys", "/usr", "/var", "/usr/bin", "/usr/lib", "/usr/lib64", "/usr/local", "/usr/sbin",
        "/usr/share", "/usr/include", "/var/lib", "/var/log", "/var/spool", "/var/mail", "/var/cache", "/snap",
        "/System", "/Library", "/Applications", "/Users", "/Volumes", "/private", "/private/etc", "/private/var",
        "/cores", "/nix", "/nix/store", "/etc/ssh", "/etc/ssl",
    ]

    /// Directories under which a recursive change is still a system change
    /// (asked about rather than denied).
    static let systemTrees: [String] = [
        "/bin/", "/boot/", "/etc/", "/lib/", "/lib64/", "/sbin/", "/usr/bin/", "/usr/lib/", "/usr/sbin/",
        "/usr/share/", "/usr/include/", "/var/lib/", "/var/log/", "/System/", "/Library/", "/private/etc/",
    ]

    static func stripGlobTail(_ path: String) -> String {
        for tail in ["/*", "/.*", "/**"] where path.hasSuffix(tail) {
            let base = String(path.dropLast(tail.count))
            return base.isEmpty ? "/" : base
        }
        return path
    }

    static func isRoot(_ path: String) -> Bool {
        let base = stripGlobTail(path)
        return base == "/" || path == "/*" || path == "/.*"
    }

    static func isHome(_ path: String, home: String?) -> Bool {
        guard let home else { return false }
        return stripGlobTail(path) == home
    }

    static func isCritical(_ path: String, home: String?) -> Bool {
        let base = stripGlobTail(path)
        return isRoot(path) || systemDirectories.contains(base) || isHome(path, home: home)
    }

    /// Inside a system tree but not the directory itself.
    static func isInsideSystemTree(_ path: String) -> Bool {
        systemTrees.contains { path.hasPrefix($0) }
    }

    /// Block devices and raw memory: writing them destroys data below the
    /// file system. `/dev/null`, `/dev/tty`, `/dev/shm/...` are not among them.
    static func isDevice(_ path: String) -> Bool {
        let normal = PathResolver.normalise(path)
        guard normal.hasPrefix("/dev/") else { return false }
        let name = normal.dropFirst(5)
        for prefix in ["sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "mapper/", "dm-", "md", "loop",
                       "sr", "mem", "kmem", "port", "root", "zd", "nbd", "rbd", "ubd", "bcache", "dasd", "fd0"]
        where name.hasPrefix(prefix) {
            return true
        }
        return false
    }
}
