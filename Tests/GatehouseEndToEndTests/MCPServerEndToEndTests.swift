import Foundation
import Testing

/// `gatehouse mcp` spoken to as an MCP client would: JSON-RPC lines on a pipe
/// that stays open until every answer is in.
@Suite("gatehouse mcp over stdio", .timeLimit(.minutes(2)))
struct MCPServerEndToEndTests {
    static let binary = RepoPaths.claudePlugin.appendingPathComponent("bin/gatehouse")

    @Test("initialize, list the tools, ask about a dangerous command")
    func advisoryToolsAnswerOverStdio() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw EndToEndGate.MissingPrerequisite(description: "\(Self.binary.path) missing; run `make` first")
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gh-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["mcp"]
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "GATEHOUSE_POLICY_DIRS_MANAGED": "",
                               "GATEHOUSE_POLICY_DIRS_USER": ""]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Like a real client: wait for the initialize answer before anything else.
        // A watchdog ends the server if it stalls, so a read never blocks forever.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }

        var answers: [Int: [String: Any]] = [:]
        var buffer = Data()
        func send(_ lines: [String]) {
            input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        func read(until ids: Set<Int>) throws {
            while !ids.isSubset(of: Set(answers.keys)) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    if let object = try JSONSerialization.jsonObject(with: line) as? [String: Any], let id = object["id"] as? Int {
                        answers[id] = object
                    }
                }
            }
        }
        send([#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#])
        try read(until: [1])
        send([
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"check_policy","arguments":{"command":"rm -rf ~"}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"scan_text","arguments":{"text":"card 4111 1111 1111 1111"}}}"#,
        ])
        try read(until: [2, 3, 4])
        try input.fileHandleForWriting.close()
        process.waitUntilExit()

        let initialize = try #require(answers[1]?["result"] as? [String: Any])
        #expect((initialize["serverInfo"] as? [String: Any])?["name"] as? String == "gatehouse")
        let tools = try #require((answers[2]?["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(Set(tools.compactMap { $0["name"] as? String })
            == ["check_policy", "scan_text", "audit_search", "list_policies", "governance_status"])
        let check = try #require(Self.text(of: answers[3]))
        let verdict = try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: Any]
        #expect(verdict?["verdict"] as? String == "deny")
        let scan = try #require(Self.text(of: answers[4]))
        #expect(scan.contains("[REDACTED:credit_card]"), "\(scan)")
        #expect(!scan.contains("4111 1111 1111 1111"))
        #expect(process.terminationStatus == 0, "gatehouse mcp should exit cleanly when its client closes stdin")
    }

    static func text(of answer: [String: Any]?) -> String? {
        ((answer?["result"] as? [String: Any])?["content"] as? [[String: Any]])?.first?["text"] as? String
    }
}
