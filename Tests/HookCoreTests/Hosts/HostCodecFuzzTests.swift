import Testing
@testable import HookCore

/// Mangled host payloads never crash a hook and never turn into a silent allow
/// before a call: Cursor always answers with a permission, Codex allows only
/// what it could read. Deterministic (seeded) and bounded.
@Suite struct HostCodecFuzzTests {
    struct Generator {
        static let structural = Array("{}[]\",:\\".utf8)
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        mutating func mangle(_ bytes: [UInt8]) -> [UInt8] {
            var out = bytes
            for _ in 0..<Int(next() % 4) + 1 where !out.isEmpty {
                let index = Int(next() % UInt64(out.count))
                switch next() % 3 {
                case 0: out[index] = UInt8(truncatingIfNeeded: next())
                case 1: out.remove(at: index)
                default: out.insert(Self.structural[Int(next() % UInt64(Self.structural.count))], at: index)
                }
            }
            return out
        }
    }

    let configuration = HookConfiguration(environment: ["HOME": "/home/dev"])

    @Test func cursorPermissionEventsAlwaysAnswerWithAPermission() throws {
        let seed = Array(#"{"conversation_id":"c","hook_event_name":"beforeMCPExecution","workspace_roots":["/w"],"tool_name":"q","tool_input":"{\"sql\":\"select 1\"}","mcp_server_name":"db","command":"ls"}"#.utf8)
        var generator = Generator(state: 0x2545_F491_4F6C_DD1D)
        for event in [CursorEvent.beforeShellExecution, .beforeMCPExecution, .beforeReadFile, .preToolUse] {
            let runner = HookRunner(codec: CursorCodec(event: event), configuration: configuration, audit: MemoryAuditSink())
            for _ in 0..<400 {
                let input = generator.mangle(seed)
                let output = runner.run(event.hookEvent, input: input)
                let json = try JSONParser.parse(output.stdout)
                let permission = try #require(json["permission"]?.stringValue)
                #expect(["allow", "deny", "ask"].contains(permission))
            }
        }
    }

    @Test func codexAllowsOnlyWhatItCouldRead() {
        let seed = Array(#"{"session_id":"s","cwd":"/w","tool_name":"apply_patch","tool_input":{"command":"*** Begin Patch\n*** Add File: a\n+x\n*** End Patch"}}"#.utf8)
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let sink = MemoryAuditSink()
        let runner = HookRunner(codec: CodexCodec(), configuration: configuration, audit: sink)
        for _ in 0..<600 {
            let input = generator.mangle(seed)
            let output = runner.run(.preToolUse, input: input)
            #expect(output.exitCode == 0 || output.exitCode == 2)
            if output.exitCode == 0 {
                // An allow means the payload was read and a tool call was decided.
                #expect(sink.records.last?.tool != "unknown")
            }
        }
    }
}
