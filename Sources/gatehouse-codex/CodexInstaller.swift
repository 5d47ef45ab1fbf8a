import HookCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes Codex's user files; every decision about their content
/// is made by HookCore's pure merge helpers.
struct CodexInstaller {
    let codexHome: String
    let binDir: String
    static let block = ManagedTextBlock(name: "gatehouse")
    static let marker = CodexPluginGenerator.binaryName

    init(location: CodexLocation) throws {
        let environment = ProcessEnvironment.current()
        if let home = location.codexHome {
            codexHome = home
        } else if let home = environment["CODEX_HOME"], !home.isEmpty {
            codexHome = home
        } else if let home = environment["HOME"], !home.isEmpty {
            codexHome = home + "/.codex"
        } else {
            throw ValidationErrorText("cannot find Codex's home: set CODEX_HOME or pass --codex-home")
        }
        binDir = location.binDir ?? Self.ownDirectory()
    }

    var hooksPath: String { codexHome + "/hooks.json" }
    var configPath: String { codexHome + "/config.toml" }
    var hookBinary: String { binDir + "/" + CodexPluginGenerator.binaryName }
    var cliBinary: String { binDir + "/gatehouse" }

    func install() throws -> [String] {
        var changes: [String] = []
        guard FileSystem.exists(hookBinary) else {
            throw ValidationErrorText("\(hookBinary) does not exist: run make in the Gatehouse checkout or pass --bin-dir")
        }
        try FileSystem.makeDirectories(codexHome, mode: 0o700)
        let ours = CodexPluginGenerator(skills: [], icon: []).hooks { CodexPluginGenerator.hookCommand($0, binary: hookBinary) }
        let existing = try readJSON(hooksPath)
        let merged = HooksFileMerge.mergeGrouped(existing: existing, ours: ours, marker: Self.marker)
        if merged != existing {
            try FileSystem.writeAtomically(hooksPath, bytes: Array((merged.prettyText() + "\n").utf8), mode: 0o600)
            changes.append("wrote Gatehouse PreToolUse/PostToolUse hooks into \(hooksPath)")
        } else {
            changes.append("unchanged: \(hooksPath) already holds Gatehouse's hooks")
        }
        changes.append(contentsOf: try writeBlock(trust: currentTrustTables(), mcp: true))
        return changes
    }

    func trust(codex: String, cwd: String) throws -> [String] {
        let output = try Self.askCodexForHooks(codex: codex, codexHome: codexHome, cwd: cwd)
        let hooks = CodexHookTrust.parse(listOutput: output, marker: Self.marker)
        guard !hooks.isEmpty else {
            throw ValidationErrorText("Codex listed no Gatehouse hooks for \(cwd) (is \(codex) the right binary?)")
        }
        let hasMCP = readText(configPath).flatMap(Self.block.body(in:)).map { $0.firstRange(of: "[mcp_servers.") != nil } ?? false
        var lines = try writeBlock(trust: CodexHookTrust.tomlTables(hooks), mcp: hasMCP)
        for hook in hooks { lines.append("trusted \(hook.key)") }
        return lines
    }

    func uninstall() throws -> [String] {
        var changes: [String] = []
        if let existing = try readJSON(hooksPath) {
            let cleaned = HooksFileMerge.removeGrouped(from: existing, marker: Self.marker)
            if cleaned != existing {
                if cleaned == .object([("hooks", .object([]))]) {
                    _ = unlink(hooksPath)
                    changes.append("removed \(hooksPath) (it held only Gatehouse's hooks)")
                } else {
                    try FileSystem.writeAtomically(hooksPath, bytes: Array((cleaned.prettyText() + "\n").utf8), mode: 0o600)
                    changes.append("removed Gatehouse's hooks from \(hooksPath)")
                }
            }
        }
        if let text = readText(configPath), Self.block.contains(text) {
            try FileSystem.writeAtomically(configPath, bytes: Array(Self.block.remove(from: text).utf8), mode: 0o600)
            changes.append("removed Gatehouse's MCP server and hook trust from \(configPath)")
        }
        if changes.isEmpty { changes.append("nothing to remove: Gatehouse is not installed in \(codexHome)") }
        return changes
    }

    /// Trust tables already recorded, kept when install runs again without --trust.
    func currentTrustTables() -> String {
        guard let text = readText(configPath), let body = Self.block.body(in: text),
            let start = body.firstRange(of: "[hooks.state.")
        else { return "" }
        return String(body[start.lowerBound...])
    }

    func writeBlock(trust: String, mcp: Bool) throws -> [String] {
        let text = readText(configPath) ?? ""
        var body = ""
        var notes: [String] = []
        if !mcp {
            // A plugin install brings its own MCP server.
        } else if Self.block.outside(text).firstRange(of: "[mcp_servers.\(CodexPluginGenerator.mcpServerName)]") != nil {
            notes.append("kept your own [mcp_servers.\(CodexPluginGenerator.mcpServerName)] in \(configPath)")
        } else {
            body += CodexPluginGenerator.localMCPBlock(command: cliBinary)
        }
        if !trust.isEmpty { body += (body.isEmpty ? "" : "\n") + trust }
        let updated = Self.block.upsert(body, into: text)
        if updated != text {
            try FileSystem.writeAtomically(configPath, bytes: Array(updated.utf8), mode: 0o600)
            notes.append("wrote the Gatehouse block (MCP server\(trust.isEmpty ? "" : ", hook trust")) into \(configPath)")
        } else {
            notes.append("unchanged: \(configPath)")
        }
        return notes
    }

    func readJSON(_ path: String) throws -> JSONValue? {
        guard let text = readText(path) else { return nil }
        do {
            return try JSONParser.parse(text)
        } catch {
            throw ValidationErrorText("\(path): \(error); fix or move the file and run again")
        }
    }

    func readText(_ path: String) -> String? {
        FileSystem.read(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `codex app-server` once and returns its answer to hooks/list.
    static func askCodexForHooks(codex: String, codexHome: String, cwd: String) throws -> String {
        let directory = "/tmp/gatehouse-trust-\(getpid())"
        try FileSystem.makeDirectories(directory, mode: 0o700)
        defer {
            _ = unlink(directory + "/requests")
            _ = unlink(directory + "/answer")
            _ = rmdir(directory)
        }
        try FileSystem.writeAtomically(directory + "/requests", bytes: Array(CodexHookTrust.requests(cwd: cwd).utf8), mode: 0o600)
        let answer = shellQuoted(directory + "/answer")
        // Keep stdin open until the answer to request 2 arrived (at most 30 s).
        let script = "(cat \(shellQuoted(directory + "/requests")); i=0; while [ $i -lt 300 ] && ! grep -q '\"id\":2' \(answer) 2>/dev/null; "
            + "do sleep 0.1; i=$((i+1)); done) | CODEX_HOME=\(shellQuoted(codexHome)) \(shellQuoted(codex)) app-server >\(answer) 2>/dev/null"
        let status = system(script)
        guard let bytes = FileSystem.read(directory + "/answer"), !bytes.isEmpty else {
            throw ValidationErrorText("could not run \(codex) app-server (status \(status)): pass --codex PATH")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func ownDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
