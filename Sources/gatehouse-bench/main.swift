import Foundation

// In-process sections (see InProcessBench, ComponentBench): no hook binary needed.
if CommandLine.arguments.contains("--components") { ComponentBench.run(); exit(0) }
if CommandLine.arguments.contains("--in-process") { exit(InProcessBench.run() ? 0 : 1) }
// `--profile-engine`: the typical-command decision in a loop, for `perf record`.
if CommandLine.arguments.contains("--profile-engine") { InProcessBench.profileEngine(); exit(0) }

// `make bench`: whole-process latency of the hook against a static-stdlib
// hello world timed in the same run, so the ratio is independent of the machine.

struct Options {
    var hook = ""
    var baseline = ""
    /// Optional second reference: a hello world linked like the hook (static
    /// PIE on Linux), so the hook's own cost is visible apart from linking.
    var reference = ""
    var runs = 60
    var budget = 2.0
    /// Which host's payload and event to send: claude, codex or cursor.
    var host = "claude"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--hook": hook = iterator.next() ?? ""
            case "--baseline": baseline = iterator.next() ?? ""
            case "--reference": reference = iterator.next() ?? ""
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--budget": budget = Double(iterator.next() ?? "") ?? budget
            case "--host": host = iterator.next() ?? host
            default:
                FileHandle.standardError.write(Data("usage: gatehouse-bench --hook PATH --baseline PATH [--reference PATH] [--host claude|codex|cursor] [--runs N] [--budget R]\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

func payloadFile(_ name: String, command: String) throws -> String {
    let url = scratch.appendingPathComponent(name)
    let escaped = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    let json: String
    switch options.host {
    case "cursor":
        json = """
            {"conversation_id":"bench","generation_id":"g","model":"m","hook_event_name":"beforeShellExecution",\
            "cursor_version":"2.0.0","workspace_roots":["\(scratch.path)"],"command":"\(escaped)",\
            "cwd":"\(scratch.path)","sandbox":false,"tool_use_id":"t"}
            """
    case "codex":
        json = """
            {"session_id":"bench","turn_id":"t","transcript_path":null,"cwd":"\(scratch.path)",\
            "hook_event_name":"PreToolUse","model":"m","permission_mode":"default","tool_name":"Bash",\
            "tool_input":{"command":"\(escaped)"},"tool_use_id":"call_bench"}
            """
    default:
        json = """
            {"session_id":"bench","transcript_path":"/tmp/t.jsonl","cwd":"\(scratch.path)","permission_mode":"default",\
            "hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"\(escaped)",\
            "description":"bench"},"tool_use_id":"toolu_bench"}
            """
    }
    try json.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

let environment = [
    "HOME=\(scratch.path)", "PATH=/usr/bin:/bin", "GATEHOUSE_AUDIT_LOG=\(scratch.path)/audit.jsonl",
]

/// Spawns `argv` with stdin from `input` and output to /dev/null; returns
/// wall time in milliseconds.
func timeOnce(_ argv: [String], input: String) -> Double {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup($0) } + [nil]
    defer { (cArgs + cEnv).forEach { free($0) } }
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv) == 0 else {
        FileHandle.standardError.write(Data("cannot run \(argv[0])\n".utf8))
        exit(1)
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000
}

struct Series {
    let name: String
    var samples: [Double]
    var median: Double { percentile(0.5) }
    var p90: Double { percentile(0.9) }
    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

let allowInput = try payloadFile("allow.json", command: "git status && npm test -- --watch=false")
let denyInput = try payloadFile("deny.json", command: "rm -rf ~")
let event = options.host == "cursor" ? "beforeShellExecution" : "pre-tool-use"
var cases: [(String, [String], String)] = [("static hello world (baseline)", [options.baseline], allowInput)]
if !options.reference.isEmpty { cases.append(("hello world, linked as the hook", [options.reference], allowInput)) }
cases += [
    ("pre-call allow (\(options.host))", [options.hook, "hook", event], allowInput),
    ("pre-call deny (\(options.host))", [options.hook, "hook", event], denyInput),
]
for (_, argv, input) in cases { for _ in 0..<5 { _ = timeOnce(argv, input: input) } }
// Interleave the cases so that machine noise spreads evenly over all of them.
var series = cases.map { Series(name: $0.0, samples: []) }
for _ in 0..<options.runs {
    for (index, (_, argv, input)) in cases.enumerated() { series[index].samples.append(timeOnce(argv, input: input)) }
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }
print("Whole-process latency, \(options.runs) runs each (ms):")
print("  case                               median     p90   ratio")
let baseline = series[0].median
var worst = 0.0
for s in series {
    let ratio = s.median / baseline
    if s.name.hasPrefix("pre-call") { worst = max(worst, ratio) }
    print("  \(s.name.padding(toLength: 33, withPad: " ", startingAt: 0)) \(format(s.median).leftPad(7)) \(format(s.p90).leftPad(7))  \(format(ratio).leftPad(5))")
}
print("Budget: hook median at most \(format(options.budget))x the baseline. Worst ratio: \(format(worst)) — \(worst <= options.budget ? "PASS" : "FAIL")")
if !options.reference.isEmpty {
    // Informational: the hook against a process linked the same way.
    let reference = series[1].median
    let own = series.filter { $0.name.hasPrefix("pre-call") }.map { $0.median / reference }.max() ?? 0
    print("Against the hello world linked as the hook: worst ratio \(format(own)) (not budgeted; the hook's own work).")
}
print("")
let inProcessPassed = InProcessBench.run()
if worst > options.budget || !inProcessPassed { exit(1) }

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
