import HookCore
@testable import PolicyFiles

/// Shared helpers: fixture paths and a small harness that evaluates Claude
/// Code tool calls against documents layered on the built-in pack.
enum PolicyTesting {
    static let home = "/home/dev"
    static let cwd = "/home/dev/project"

    static func fixture(_ name: String, file: String = #filePath) -> String {
        var dir = file
        while let slash = dir.lastIndex(of: "/"), !dir.hasSuffix("/PolicyFilesTests") { dir = String(dir[..<slash]) }
        return dir + "/Fixtures/" + name
    }

    static var repositoryRoot: String {
        var dir = fixture("x")
        for _ in 0..<4 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }
        return dir
    }

    static func load(_ name: String, layer: PolicyLayer = .user) throws -> PolicyDocument {
        try PolicyDecoder.load(path: fixture(name), layer: layer)
    }

    static func decode(_ yaml: String, layer: PolicyLayer = .user, file: String = "test.yaml") throws(PolicyFileError) -> PolicyDocument {
        try PolicyDecoder.decode(Array(yaml.utf8), file: file, layer: layer)
    }

    /// The error a YAML text produces, if any.
    static func error(_ yaml: String, layer: PolicyLayer = .user) -> PolicyFileError? {
        do {
            _ = try decode(yaml, layer: layer)
            return nil
        } catch {
            return error
        }
    }

    static func engine(_ documents: [PolicyDocument], builtin: PolicySet = BuiltinPack.set) -> Engine {
        var set = builtin
        for document in documents {
            set.policies += document.policies
            if let effect = document.defaultEffect { set.defaultEffect = PolicySet.strictest(set.defaultEffect, effect) }
        }
        return Engine(set, home: home)
    }
}

/// A Claude Code tool call in test form.
struct Call {
    var tool: String
    var input: [(key: String, value: JSONValue)]
    var cwd = PolicyTesting.cwd

    static func bash(_ command: String) -> Call { Call(tool: "Bash", input: [(key: "command", value: .string(command))]) }
    static func read(_ path: String) -> Call { Call(tool: "Read", input: [(key: "file_path", value: .string(path))]) }
    static func write(_ path: String) -> Call {
        Call(tool: "Write", input: [(key: "file_path", value: .string(path)), (key: "content", value: .string("x"))])
    }
    static func fetch(_ url: String) -> Call { Call(tool: "WebFetch", input: [(key: "url", value: .string(url))]) }
    static func search(_ query: String) -> Call { Call(tool: "WebSearch", input: [(key: "query", value: .string(query))]) }

    func decide(with engine: Engine) -> Decision {
        let payload = JSONValue.object([
            (key: "tool_name", value: .string(tool)), (key: "tool_input", value: .object(input)), (key: "cwd", value: .string(cwd)),
        ])
        let call = try! ClaudeCodec().decodeCall(payload)
        return engine.evaluate(call, id: DecisionID(rawValue: "gh_test"))
    }
}
