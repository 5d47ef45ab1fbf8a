#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where audit records go. A protocol so tests and the CLI can read/write
/// records without the file system.
public protocol AuditSink: Sendable {
    func append(_ record: AuditRecord) throws(IOError)
}

/// Append-only JSON Lines file. Each record is written with one `write(2)` on
/// an `O_APPEND` descriptor under an exclusive `flock`, so concurrent hook
/// processes never interleave lines. The file and its directory are created
/// owner-only (0600 / 0700) and an existing file is tightened to 0600.
public struct AuditLogFile: AuditSink {
    public let path: String

    public init(path: String) { self.path = path }

    public func append(_ record: AuditRecord) throws(IOError) {
        try appendLine(record.json.jsonText)
    }

    public func appendLine(_ line: String) throws(IOError) {
        try FileSystem.makeDirectories(parentOf: path, mode: 0o700)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IOError(description: "cannot open audit log \(path): \(FileSystem.lastError())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        _ = flock(fd, LOCK_EX)
        defer { _ = flock(fd, LOCK_UN) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw IOError(description: "short write to audit log \(path): \(FileSystem.lastError())")
        }
    }
}
