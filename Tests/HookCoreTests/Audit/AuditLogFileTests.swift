#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import HookCore

@Suite struct AuditLogFileTests {
    func scratch() -> String {
        var template = Array("/tmp/gatehouse-audit-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    func record(_ n: Int) -> AuditRecord {
        AuditRecord(
            timestamp: "2026-11-23T00:00:00.000Z", decisionID: DecisionID(rawValue: "gh_\(n)"), host: HostID(rawValue: "test"),
            event: "pre-tool-use", tool: "Bash", kind: .shell, verdict: .allow, enforced: .allow, policyIDs: [], risk: .low,
            reason: "", summary: String(repeating: "x", count: 200), inputSHA256: String(repeating: "0", count: 64),
            findings: [], sessionID: nil, cwd: nil, mode: .enforce)
    }

    @Test func createsOwnerOnlyFileAndDirectories() throws {
        let root = scratch()
        let log = AuditLogFile(path: root + "/state/gatehouse/audit.jsonl")
        try log.append(record(1))
        var info = stat()
        #expect(stat(log.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(stat(root + "/state/gatehouse", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
    }

    @Test func tightensAnExistingLooseFile() throws {
        let path = scratch() + "/audit.jsonl"
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        close(fd)
        chmod(path, 0o644)
        try AuditLogFile(path: path).append(record(1))
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func concurrentWritersNeverInterleaveLines() async throws {
        let path = scratch() + "/audit.jsonl"
        // Separate processes are what the hook really sees; fork keeps the test
        // in Swift without a helper binary.
        var children: [pid_t] = []
        for worker in 0..<8 {
            let pid = fork()
            if pid == 0 {
                let log = AuditLogFile(path: path)
                for n in 0..<200 { try? log.append(record(worker * 1000 + n)) }
                _exit(0)
            }
            children.append(pid)
        }
        for pid in children { var status: Int32 = 0; waitpid(pid, &status, 0) }
        let text = String(decoding: FileSystem.read(path) ?? [], as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1600)
        for line in lines { #expect((try? JSONParser.parse(String(line))) != nil) }
    }
}
