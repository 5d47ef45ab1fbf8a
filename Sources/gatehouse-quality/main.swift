import Foundation

// Feeds the labelled corpora in quality/ through the real hook binary and
// prints recall and false-positive rate per family and overall.
// Usage: gatehouse-quality [--hook PATH] [--corpus DIR] [--misses] [--jobs N]

struct Options {
    var hook = "plugins/claude/bin/gatehouse-claude"
    var corpus = "quality"
    var showMisses = false
    var jobs = 4
    var minRecall = 0.98
    var maxFPR = 0.01

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--hook": hook = iterator.next() ?? hook
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--misses": showMisses = true
            case "--jobs": jobs = Int(iterator.next() ?? "") ?? jobs
            case "-h", "--help":
                print("usage: gatehouse-quality [--hook PATH] [--corpus DIR] [--misses] [--jobs N]")
                exit(0)
            default:
                FileHandle.standardError.write(Data("gatehouse-quality: unknown argument \(argument)\n".utf8))
                exit(64)
            }
        }
    }
}

/// Disjoint slots written from several threads; each index is written once.
struct ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int8>
}

/// Runs every sample through the hook, `jobs` at a time. 1 flagged, 0 not, -1 the hook failed.
func runAll(_ work: [(Sample, CorpusKind)], hook: HookProcess, jobs: Int, cwd: String) -> [Int8] {
    let slots = ResultSlots(buffer: .allocate(capacity: work.count))
    slots.buffer.initialize(repeating: -1)
    defer { slots.buffer.deallocate() }
    let batches = max(1, jobs)
    DispatchQueue.concurrentPerform(iterations: batches) { batch in
        for index in stride(from: batch, to: work.count, by: batches) {
            let (sample, kind) = work[index]
            if let (stdout, status) = try? hook.run(event: kind.event, payload: kind.payload(sample.input), cwd: cwd) {
                slots.buffer[index] = kind.flagged(stdout, status) ? 1 : 0
            }
        }
    }
    return Array(slots.buffer)
}

struct Tally {
    var bad = 0, caught = 0, good = 0, flaggedGood = 0
    var recall: Double { bad == 0 ? 1 : Double(caught) / Double(bad) }
    var fpr: Double { good == 0 ? 0 : Double(flaggedGood) / Double(good) }
    mutating func add(_ sample: Sample, flagged: Bool) {
        switch sample.label {
        case .bad: bad += 1; if flagged { caught += 1 }
        case .good: good += 1; if flagged { flaggedGood += 1 }
        }
    }
}

let options = Options(CommandLine.arguments)
guard FileManager.default.isExecutableFile(atPath: options.hook) else {
    FileHandle.standardError.write(Data("gatehouse-quality: \(options.hook) is missing; run make build\n".utf8))
    exit(1)
}

// A fixed, fictional home (the hook only resolves paths, it opens none) and
// a scratch audit log keep the run deterministic and away from the user's files.
let home = "/home/dev"
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-quality-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
let hook = HookProcess(binary: options.hook, environment: [
    "HOME": home, "PATH": "/usr/bin:/bin", "GATEHOUSE_AUDIT_LOG": scratch.appendingPathComponent("audit.jsonl").path,
])

var work: [(Sample, CorpusKind)] = []
for kind in CorpusKind.all {
    let path = options.corpus + "/" + kind.file
    guard FileManager.default.fileExists(atPath: path) else { continue }
    do {
        for sample in try CorpusReader.read(path, name: path) { work.append((sample, kind)) }
    } catch {
        FileHandle.standardError.write(Data("gatehouse-quality: \(error)\n".utf8))
        exit(1)
    }
}
guard !work.isEmpty else {
    FileHandle.standardError.write(Data("gatehouse-quality: no corpus files in \(options.corpus)/\n".utf8))
    exit(1)
}

let results = runAll(work, hook: hook, jobs: options.jobs, cwd: home + "/project")

var families: [String: Tally] = [:], files: [String: Tally] = [:], overall = Tally()
var misses: [String] = []
for (index, (sample, kind)) in work.enumerated() {
    guard results[index] >= 0 else {
        FileHandle.standardError.write(Data("gatehouse-quality: the hook failed on \(sample.file):\(sample.line)\n".utf8))
        exit(1)
    }
    let flagged = results[index] == 1
    families[kind.file.replacingOccurrences(of: ".tsv", with: "") + "/" + sample.family, default: Tally()].add(sample, flagged: flagged)
    files[kind.file, default: Tally()].add(sample, flagged: flagged)
    overall.add(sample, flagged: flagged)
    if flagged != (sample.label == .bad) {
        misses.append("\(sample.file):\(sample.line): \(sample.label == .bad ? "missed" : "false positive"): \(sample.input)")
    }
}

func row(_ name: String, _ t: Tally) -> String {
    let recall = t.bad == 0 ? "-" : String(format: "%.3f", t.recall)
    let fpr = t.good == 0 ? "-" : String(format: "%.3f", t.fpr)
    return "| " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + " | "
        + String(format: "%5d | %5d | ", t.bad, t.good) + recall.padding(toLength: 6, withPad: " ", startingAt: 0) + " | "
        + fpr.padding(toLength: 5, withPad: " ", startingAt: 0) + " |"
}

print("| family                             |   bad |  good | recall | FPR   |")
print("|------------------------------------|------:|------:|-------:|------:|")
for name in families.keys.sorted() { print(row(name, families[name]!)) }
for name in files.keys.sorted() { print(row("**" + name + "**", files[name]!)) }
print(row("**overall**", overall))
if options.showMisses || !misses.isEmpty { for miss in misses { print(miss) } }
let pass = overall.recall >= options.minRecall && overall.fpr <= options.maxFPR
print(pass ? "quality: targets met (recall >= \(options.minRecall), FPR <= \(options.maxFPR))"
           : "quality: targets NOT met (recall >= \(options.minRecall), FPR <= \(options.maxFPR))")
try? FileManager.default.removeItem(at: scratch)
exit(pass ? 0 : 1)
