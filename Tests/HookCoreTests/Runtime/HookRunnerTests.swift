import Testing
@testable import HookCore

/// Collects records in memory.
final class MemoryAuditSink: AuditSink, @unchecked Sendable {
    private(set) var records: [AuditRecord] = []
    func append(_ record: AuditRecord) throws(IOError) { records.append(record) }
}

struct FailingAuditSink: AuditSink {
    func append(_ record: AuditRecord) throws(IOError) { throw IOError(description: "disk full") }
}

@Suite struct HookRunnerTests {
    let configuration = HookConfiguration(environment: ["HOME": "/home/dev"])

    func pre(_ command: String) -> String {
        JSONValue.object([
            ("session_id", .string("s")), ("cwd", .string("/home/dev/p")), ("hook_event_name", .string("PreToolUse")),
            ("tool_name", .string("Bash")), ("tool_input", .object([("command", .string(command))])),
        ]).jsonText
    }

    @Test func deniesAndAuditsADangerousCall() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: sink)
        let output = runner.run(.preToolUse, input: Array(pre("rm -rf ~").utf8))
        let json = try JSONParser.parse(output.stdout)
        let reason = try #require(json["hookSpecificOutput"]?["permissionDecisionReason"]?.stringValue)
        let record = try #require(sink.records.first)
        #expect(reason.contains(record.decisionID.rawValue))
        #expect(record.verdict == .deny && record.enforced == .deny)
        #expect(record.policyIDs == ["builtin.shell.rm-home"])
        #expect(record.inputSHA256.count == 64)
    }

    @Test func allowsSilentlyAndStillAudits() {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: sink)
        let output = runner.run(.preToolUse, input: Array(pre("ls").utf8))
        #expect(output == HookOutput())
        #expect(sink.records.map(\.verdict) == [.allow])
    }

    @Test(arguments: ["", "not json", "[1,2]", #"{"tool_name":"Bash"}"#, #"{"tool_name":"Bash","tool_input":{}}"#])
    func malformedPreToolUseInputIsDenied(input: String) throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: sink)
        let output = runner.run(.preToolUse, input: Array(input.utf8))
        let json = try JSONParser.parse(output.stdout)
        #expect(json["hookSpecificOutput"]?["permissionDecision"] == .string("deny"))
        #expect(output.stderr.contains("Gatehouse could not check this tool call"))
        #expect(sink.records.first?.policyIDs == ["builtin.input.unreadable"])
    }

    @Test func malformedPostToolUseInputChangesNothing() {
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: MemoryAuditSink())
        let output = runner.run(.postToolUse, input: Array("{oops".utf8))
        #expect(output.stdout.isEmpty)
        #expect(output.exitCode == 0)
        #expect(output.stderr.contains("passed on unchanged"))
    }

    @Test func observeModeAllowsButRecordsTheRealVerdict() {
        let sink = MemoryAuditSink()
        let observe = HookConfiguration(environment: ["HOME": "/home/dev", "GATEHOUSE_MODE": "observe"])
        let runner = HookRunner(codec: ClaudeCodec(), configuration: observe, audit: sink)
        let output = runner.run(.preToolUse, input: Array(pre("rm -rf /").utf8))
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("observe mode"))
        #expect(sink.records.first?.verdict == .deny)
        #expect(sink.records.first?.enforced == .allow)
    }

    @Test func unknownModeStillEnforces() {
        let typo = HookConfiguration(environment: ["HOME": "/h", "GATEHOUSE_MODE": "obsrve"])
        #expect(typo.mode == .enforce)
        #expect(typo.notes.count == 1)
    }

    @Test func auditFailureKeepsTheDecisionAndSaysSo() throws {
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: FailingAuditSink())
        let output = runner.run(.preToolUse, input: Array(pre("rm -rf /").utf8))
        #expect(try JSONParser.parse(output.stdout)["hookSpecificOutput"]?["permissionDecision"] == .string("deny"))
        #expect(output.stderr.contains("not written: disk full"))
    }

    @Test func postToolUseRedactsAndNeverLogsTheSecret() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: sink)
        let input = JSONValue.object([
            ("session_id", .string("s")), ("cwd", .string("/w")), ("hook_event_name", .string("PostToolUse")),
            ("tool_name", .string("Bash")), ("tool_input", .object([("command", .string("cat notes"))])),
            ("tool_response", .object([("stdout", .string("ssn 123-45-6789")), ("stderr", .string(""))])),
        ]).jsonText
        let output = runner.run(.postToolUse, input: Array(input.utf8))
        let json = try JSONParser.parse(output.stdout)
        #expect(json["hookSpecificOutput"]?["updatedToolOutput"]?["stdout"] == .string("ssn [REDACTED:us_ssn]"))
        let record = try #require(sink.records.first)
        #expect(record.verdict == .redact)
        #expect(!record.json.jsonText.contains("123-45-6789"))
    }

    @Test func auditSummaryIsRedacted() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: configuration, audit: sink)
        _ = runner.run(.preToolUse, input: Array(pre("echo AKIAQWERTYUIOPASDFGH > key.txt").utf8))
        let line = try #require(sink.records.first).json.jsonText
        #expect(!line.contains("AKIAQWERTYUIOPASDFGH"))
        #expect(line.contains("[REDACTED:aws_access_key]"))
    }
}

@Suite struct PostToolUseFailureTests {
    @Test func failedCommandOutputWithSecretsGetsAWarningNotAReplacement() throws {
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: ClaudeCodec(), configuration: HookConfiguration(environment: ["HOME": "/h"]), audit: sink)
        let input = JSONValue.object([
            ("session_id", .string("s")), ("cwd", .string("/w")), ("hook_event_name", .string("PostToolUseFailure")),
            ("tool_name", .string("Bash")), ("tool_input", .object([("command", .string("./deploy"))])),
            ("error", .string("Exit code 1\nusing AKIAQWERTYUIOPASDFGH")), ("is_interrupt", .bool(false)),
        ]).jsonText
        let output = runner.run(.postToolUseFailure, input: Array(input.utf8))
        let json = try JSONParser.parse(output.stdout)
        let hook = try #require(json["hookSpecificOutput"])
        #expect(hook["hookEventName"] == .string("PostToolUseFailure"))
        #expect(hook["updatedToolOutput"] == nil)
        let warning = try #require(hook["additionalContext"]?.stringValue)
        #expect(warning.contains("aws_access_key"))
        #expect(!warning.contains("AKIAQWERTYUIOPASDFGH"))
        #expect(sink.records.first?.event == "post-tool-use-failure")
    }
}
