import ArgumentParser
import Foundation
import HookCore
import MCP
import PolicyFiles

/// `gatehouse mcp`: the advisory tools over MCP on stdio, for agents whose
/// plugin config starts it. Enforcement stays in the hooks.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve Gatehouse's advisory tools over MCP (stdio).",
        discussion: """
            Tools: \(GovernanceToolbox.tools.map(\.name).joined(separator: ", ")). Started by a host from its \
            MCP configuration; speaks JSON-RPC on stdin/stdout and logs nothing to stdout.
            """
    )

    func run() async throws {
        let toolbox = GovernanceToolboxFactory.make(environment: ProcessInfo.processInfo.environment)
        let server = Server(
            name: "gatehouse", version: Gatehouse.version, capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            .init(tools: GovernanceToolbox.tools.map { tool in
                Tool(name: tool.name, description: tool.description, inputSchema: MCPValue.from(tool.inputSchema))
            })
        }
        await server.withMethodHandler(CallTool.self) { params in
            let arguments = JSONValue.object((params.arguments ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: MCPValue.to($0.value)) })
            let answer = toolbox.call(params.name, arguments: arguments)
            return .init(content: [.text(answer.text)], isError: answer.isError)
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }
}

enum GovernanceToolboxFactory {
    static func make(environment: [String: String]) -> GovernanceToolbox {
        let configuration = HookConfiguration(environment: environment)
        // The same layered policies the hooks use, so advice matches enforcement.
        let engine = GovernedHook.engine(host: PolicyContext.host, configuration: configuration, environment: environment)
        return GovernanceToolbox(engine: engine, auditLogPath: configuration.auditLogPath, mode: configuration.mode)
    }
}

/// Converts between the MCP SDK's `Value` and HookCore's `JSONValue`.
enum MCPValue {
    static func from(_ json: JSONValue) -> Value {
        switch json {
        case .null: .null
        case let .bool(b): .bool(b)
        case let .number(text): Int(text).map(Value.int) ?? Double(text).map(Value.double) ?? .string(text)
        case let .string(s): .string(s)
        case let .array(items): .array(items.map(from))
        case let .object(members):
            .object(Dictionary(members.map { ($0.key, from($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    static func to(_ value: Value) -> JSONValue {
        switch value {
        case .null: .null
        case let .bool(b): .bool(b)
        case let .int(i): .number(String(i))
        case let .double(d): .number(String(d))
        case let .string(s): .string(s)
        case let .data(mimeType, data): .string("data:\(mimeType ?? "application/octet-stream");base64,\(data.base64EncodedString())")
        case let .array(items): .array(items.map(to))
        case let .object(members): .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: to($0.value)) })
        }
    }
}
