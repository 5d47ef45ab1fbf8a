#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the hook needs, on the C library directly so the
/// hook path links no Foundation.
public enum FileSystem {
    public static func lastError() -> String { String(cString: strerror(errno)) }

    /// `mkdir -p` for the parent of `path`, new directories created with `mode`.
    public static func makeDirectories(parentOf path: String, mode: mode_t) throws(IOError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeDirectories(String(path[..<slash]), mode: mode)
    }

    public static func makeDirectories(_ directory: String, mode: mode_t) throws(IOError) {
        var info = stat()
        if stat(directory, &info) == 0 { return }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try makeDirectories(String(directory[..<slash]), mode: mode)
        }
        if mkdir(directory, mode) != 0 && errno != EEXIST {
            throw IOError(description: "cannot create \(directory): \(lastError())")
        }
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads a whole file; nil if it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readAll(fd)
    }

    /// Reads a descriptor to its end (stdin for the hook).
    public static func readAll(_ fd: Int32, limit: Int = 64 << 20) -> [UInt8]? {
        var out: [UInt8] = []
        // Uninitialised: zeroing 64 KiB would touch 16 pages a short input never uses.
        var chunk = [UInt8](unsafeUninitializedCapacity: 65536) { _, count in count = 65536 }
        while out.count < limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes a file atomically (temp file + rename) with the given mode.
    public static func writeAtomically(_ path: String, bytes: [UInt8], mode: mode_t = 0o644) throws(IOError) {
        try makeDirectories(parentOf: path, mode: 0o755)
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw IOError(description: "cannot write \(path): \(lastError())") }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        _ = fchmod(fd, mode)
        close(fd)
        guard written == bytes.count, rename(temp, path) == 0 else {
            unlink(temp)
            throw IOError(description: "cannot write \(path): \(lastError())")
        }
    }
}

public struct IOError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(description: String) { self.description = description }
}

public extension FileSystem {
    /// Names in a directory, sorted, without `.` and `..`; nil if unreadable.
    static func list(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

public extension FileSystem {
    /// Writes all of `text` to a descriptor, retrying short writes.
    static func writeAll(_ fd: Int32, _ text: String) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            bytes = bytes.dropFirst(n)
        }
    }
}
