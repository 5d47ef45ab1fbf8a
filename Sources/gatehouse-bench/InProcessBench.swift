import Foundation
import HookCore

/// In-process timings of the engine and the output scanner, without process
/// start-up: what one decision and one redaction cost, against fixed budgets.
enum InProcessBench {
    struct Case {
        var name: String
        var unit: String
        var budget: Double
        var median: Double
    }

    static let typicalCommand = ToolCall(
        host: ClaudeCodec.hostID, toolName: "Bash", kind: .shell, command: "git status && npm test -- --watch=false",
        cwd: "/home/dev/project")

    static func profileEngine() {
        let engine = Engine(home: "/home/dev")
        let id = DecisionID(rawValue: "gh_bench000000000000")
        for _ in 0..<100_000 { _ = engine.evaluate(typicalCommand, id: id) }
    }

    static func run() -> Bool {
        // What every hook process pays once: the compiled pack's static data,
        // then the engine built over it (measured first, while still cold).
        let clock = ContinuousClock()
        let packLoad = clock.measure { _ = BuiltinPack.policies.count }
        let registryLoad = clock.measure { _ = DetectorRegistry.builtin["shell.fork-bomb"] }
        let engineBuild = median(runs: 200) { _ = Engine(home: "/home/dev") }
        print("Start-up (once per hook process): pack static data \(String(format: "%.0f", seconds(packLoad) * 1_000_000)) µs, "
            + "detector registry \(String(format: "%.0f", seconds(registryLoad) * 1_000_000)) µs, "
            + "engine construction \(String(format: "%.0f", engineBuild * 1_000_000)) µs (median)")
        let engine = Engine(home: "/home/dev")
        let id = DecisionID(rawValue: "gh_bench000000000000")
        var cases: [Case] = []

        let command = typicalCommand
        cases.append(Case(name: "engine: typical Bash command", unit: "µs", budget: 50,
            median: median(runs: 2000) { _ = engine.evaluate(command, id: id) } * 1_000_000))

        let sql = ToolCall(
            host: ClaudeCodec.hostID, toolName: "mcp__postgres__query", kind: .mcp, mcpServer: "postgres", mcpTool: "query",
            input: .object([("sql", .string("SELECT u.id, count(o.id) FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.created_at > $1 GROUP BY u.id"))]))
        cases.append(Case(name: "engine: MCP SQL query", unit: "µs", budget: 50,
            median: median(runs: 2000) { _ = engine.evaluate(sql, id: id) } * 1_000_000))

        let mixed = JSONValue.object([("stdout", .string(mixedOutput(bytes: 1 << 20))), ("stderr", .string(""))])
        cases.append(Case(name: "PostToolUse scan+redact, 1 MiB mixed", unit: "ms", budget: 20,
            median: median(runs: 15) { _ = engine.scanOutput(mixed, id: id) } * 1000))

        let adversarial = JSONValue.object([("stdout", .string(adversarialOutput(bytes: 1 << 20)))])
        cases.append(Case(name: "PostToolUse scan+redact, 1 MiB adversarial", unit: "ms", budget: 100,
            median: median(runs: 9) { _ = engine.scanOutput(adversarial, id: id) } * 1000))

        let adversarialSQL = adversarialSQLText(bytes: 1 << 20)
        cases.append(Case(name: "SQL tokenize+inspect, 1 MiB adversarial", unit: "ms", budget: 100,
            median: median(runs: 9) { _ = SQLInspector.inspect(adversarialSQL) } * 1000))

        print("In-process (release build, median):")
        print("  case                                          median     budget")
        var passed = true
        for c in cases {
            let ok = c.median <= c.budget
            passed = passed && ok
            print("  \(c.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", c.median)) \(c.unit)  \(String(format: "%6.0f", c.budget)) \(c.unit)  \(ok ? "PASS" : "FAIL")")
        }
        return passed
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Median wall time of `body` in seconds.
    static func median(runs: Int, _ body: () -> Void) -> Double {
        for _ in 0..<max(2, runs / 10) { body() }
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let elapsed = clock.measure(body)
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Build logs, JSON and code; one line in ten carries personal data or
    /// a secret (plain, or base64-encoded).
    static func mixedOutput(bytes: Int) -> String {
        let ordinary = [
            "2026-05-01T12:34:56.789Z INFO  request GET /api/v1/users/42 200 12ms trace=4f3c2b1a0e9d8c7b",
            "    at Object.<anonymous> (/home/dev/project/src/server.ts:118:23)",
            "{\"id\": 1717171717171, \"status\": \"ok\", \"items\": [1, 2, 3], \"sha\": \"da39a3ee5e6b4b0d3255bfef95601890afd80709\"}",
            "Compiling HookCore SQLTokenizer.swift (47/112) version 1.2.3 on 192.168.1.10:8080",
            "func handler(_ request: Request) async throws -> Response { try await next(request) }",
            "npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
            "drwxr-xr-x  5 dev staff  160 May  1 12:00 src",
            "Tests: 212 passed, 0 failed, 3 skipped (order 4111111111111112, uuid 9b2f1c4e-5d6a-4b7c-8e9f-0a1b2c3d4e5f)",
            "    let password = try await keychain.read(account: user)  // never logged",
        ]
        let sensitive = [
            "Contact alice@example.com or call +1 (415) 555-2671 about order 42.",
            "card 4111 1111 1111 1111 expires 12/29; ssn 123-45-6789; token ghp_aB3dE5aB3dE5aB3dE5aB3dE5aB3dE5aB3dE5",
            "payload=dG9rZW49Z2hwX1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3Mw== done",
        ]
        var out = ""
        out.reserveCapacity(bytes + 200)
        var k = 0
        while out.utf8.count < bytes {
            out += (k % 10 == 9 ? sensitive[(k / 10) % sensitive.count] : ordinary[k % ordinary.count]) + "\n"
            k += 1
        }
        return out
    }

    /// Inputs that make backtracking matchers blow up: long near-misses for
    /// every detector, each repeated until the megabyte is full.
    static func adversarialOutput(bytes: Int) -> String {
        let pieces = [
            String(repeating: "a", count: 4000) + "@",  // e-mail local part with no domain
            String(repeating: "a.", count: 2000) + "@" + String(repeating: "b.", count: 1000),
            String(repeating: "4111 ", count: 800),  // card groups that never end
            String(repeating: "+1 (", count: 800),
            "ghp_" + String(repeating: "A", count: 4000),  // token longer than any length cap
            String(repeating: "eyJhbGciOi.", count: 400),
            String(repeating: "QUJD", count: 1000) + "!",  // base64 run
            String(repeating: "%4", count: 2000),
            String(repeating: "password=", count: 400),
            String(repeating: "ignore previous ", count: 300),
            String(repeating: "-----BEGIN ", count: 300),
            String(repeating: "0", count: 4000),
        ]
        var out = ""
        out.reserveCapacity(bytes + 5000)
        var k = 0
        while out.utf8.count < bytes {
            out += pieces[k % pieces.count] + "\n"
            k += 1
        }
        return out
    }

    static func adversarialSQLText(bytes: Int) -> String {
        let pieces = ["'", "(", "$a", "/*", "OR 1=1 ", "CHAR(", "UNION SELECT ", "\\'", "0x41", "--\n", "; ", "[x", "`y"]
        var out = ""
        var k = 0
        while out.utf8.count < bytes {
            out += String(repeating: pieces[k % pieces.count], count: 997)
            k += 1
        }
        return out
    }
}
