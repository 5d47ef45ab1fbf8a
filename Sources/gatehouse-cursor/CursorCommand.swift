import ArgumentParser
import HookCore
import PolicyFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct CursorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gatehouse-cursor",
        abstract: "Gatehouse for Cursor: the hook binary, the plugin generator and the installer.",
        version: Gatehouse.version,
        subcommands: [Hook.self, Generate.self, Install.self, Uninstall.self]
    )

    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run as a Cursor hook: reads the hook JSON on stdin, answers in Cursor's format on stdout."
        )
        @Argument(help: "The Cursor event: \(CursorEvent.allCases.map(\.rawValue).joined(separator: ", ")).")
        var event: String

        func validate() throws {
            guard CursorEvent(rawValue: event) != nil else {
                throw ValidationError("unknown Cursor event '\(event)'; expected one of \(CursorEvent.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let parsed = CursorEvent(rawValue: event)!
            GovernedHook.main(codec: CursorCodec(event: parsed), event: parsed.hookEvent)
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Cursor plugin (plugins/cursor) and the root catalog .cursor-plugin/marketplace.json."
        )
        @Option(help: "Repository root to read skills/ and assets/ from.")
        var source = "."
        @Option(help: "Directory to write the artifacts under (default: the source root).")
        var output: String?

        func run() throws {
            let tree = try SourceTree.load(root: source)
            let files = CursorPluginGenerator(skills: tree.skills, icon: tree.icon).files()
            try ArtifactWriter(outputRoot: output ?? source).write(files)
            for file in files { print("wrote \(file.path)") }
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge Gatehouse's hooks into .cursor/hooks.json (a project) or ~/.cursor/hooks.json (--user).",
            discussion: "Idempotent: Gatehouse's entries are replaced, every other hook and key is kept."
        )
        @OptionGroup var target: CursorTarget

        func run() throws {
            let path = try target.hooksPath()
            let binary = target.binDir ?? ownDirectory()
            let hookBinary = binary + "/" + CursorPluginGenerator.binaryName
            guard FileSystem.exists(hookBinary) else {
                throw ValidationError("\(hookBinary) does not exist: run make in the Gatehouse checkout or pass --bin-dir")
            }
            let ours = CursorPluginGenerator.hooks { CursorPluginGenerator.hookCommand($0, binary: hookBinary) }
            let existing = try readJSON(path)
            let merged = HooksFileMerge.mergeFlat(existing: existing, ours: ours, marker: CursorPluginGenerator.binaryName)
            guard merged != existing else { return print("unchanged: \(path) already holds Gatehouse's hooks") }
            try FileSystem.makeDirectories(parentOf: path, mode: 0o755)
            try FileSystem.writeAtomically(path, bytes: Array((merged.prettyText() + "\n").utf8))
            print("wrote Gatehouse hooks (\(CursorPluginGenerator.registrations.map(\.event.rawValue).joined(separator: ", "))) into \(path)")
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove Gatehouse's hooks from the Cursor hooks file.")
        @OptionGroup var target: CursorTarget

        func run() throws {
            let path = try target.hooksPath()
            guard let existing = try readJSON(path) else { return print("nothing to remove: \(path) does not exist") }
            let cleaned = HooksFileMerge.removeFlat(from: existing, marker: CursorPluginGenerator.binaryName)
            guard cleaned != existing else { return print("nothing to remove: \(path) holds no Gatehouse hooks") }
            if cleaned == .object([("version", .int(1)), ("hooks", .object([]))]) {
                _ = unlink(path)
                print("removed \(path) (it held only Gatehouse's hooks)")
            } else {
                try FileSystem.writeAtomically(path, bytes: Array((cleaned.prettyText() + "\n").utf8))
                print("removed Gatehouse's hooks from \(path)")
            }
        }
    }
}

struct CursorTarget: ParsableArguments {
    @Option(help: "Project directory: writes DIR/.cursor/hooks.json.")
    var project: String?
    @Flag(help: "Write the user's ~/.cursor/hooks.json.")
    var user = false
    @Option(help: "Directory holding gatehouse-cursor (default: this binary's directory).")
    var binDir: String?

    func validate() throws {
        guard (project != nil) != user else { throw ValidationError("pass exactly one of --project DIR or --user") }
    }

    func hooksPath() throws -> String {
        if let project { return project + "/.cursor/hooks.json" }
        guard let home = ProcessEnvironment.current()["HOME"], !home.isEmpty else { throw ValidationError("HOME is not set") }
        return home + "/.cursor/hooks.json"
    }
}

func readJSON(_ path: String) throws -> JSONValue? {
    guard let bytes = FileSystem.read(path) else { return nil }
    do {
        return try JSONParser.parse(bytes: bytes)
    } catch {
        throw ValidationError("\(path): \(error); fix or move the file and run again")
    }
}

func ownDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let path = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
}
