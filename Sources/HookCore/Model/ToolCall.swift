/// What kind of effect a tool call has. Policies are written against kinds and
/// actions, never against one host's tool names.
public enum ToolKind: String, Sendable, CaseIterable {
    case shell, write, edit, read, mcp, web, other
}

/// One replacement inside a file edit.
public struct FileEdit: Sendable, Equatable {
    public var oldText: String
    public var newText: String
    public init(oldText: String, newText: String) {
        self.oldText = oldText
        self.newText = newText
    }
}

/// A host-neutral governed tool call, built by a host codec from the host's
/// stdin payload. Fields that do not apply to the kind stay nil / empty.
public struct ToolCall: Sendable {
    public var host: HostID
    /// The tool's name as the host reports it (kept for messages and audit).
    public var toolName: String
    public var kind: ToolKind
    /// Shell command text (kind .shell).
    public var command: String?
    /// Target file (write, edit, read).
    public var path: String?
    /// Full new content (write) or the added text of all edits (edit).
    public var content: String?
    public var edits: [FileEdit]
    /// MCP server and tool name (kind .mcp).
    public var mcpServer: String?
    public var mcpTool: String?
    /// URL for web fetches.
    public var url: String?
    /// The tool's input exactly as received, for detectors that walk arguments.
    public var input: JSONValue
    public var cwd: String?
    public var sessionID: String?

    public init(
        host: HostID, toolName: String, kind: ToolKind, command: String? = nil, path: String? = nil,
        content: String? = nil, edits: [FileEdit] = [], mcpServer: String? = nil, mcpTool: String? = nil,
        url: String? = nil, input: JSONValue = .object([]), cwd: String? = nil, sessionID: String? = nil
    ) {
        self.host = host
        self.toolName = toolName
        self.kind = kind
        self.command = command
        self.path = path
        self.content = content
        self.edits = edits
        self.mcpServer = mcpServer
        self.mcpTool = mcpTool
        self.url = url
        self.input = input
        self.cwd = cwd
        self.sessionID = sessionID
    }
}
