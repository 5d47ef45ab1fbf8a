/// The two governed moments of a tool call.
public enum HookEvent: String, Sendable, CaseIterable {
    case preToolUse = "pre-tool-use"
    case postToolUse = "post-tool-use"
    /// After a call that failed (a non-zero exit): its output cannot be
    /// replaced on every host, only warned about.
    case postToolUseFailure = "post-tool-use-failure"

    /// Events that come after the call and never block it.
    public var isAfterCall: Bool { self != .preToolUse }
}

/// What the hook process prints and how it exits.
public struct HookOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// A tool call together with what it returned.
public struct ToolResult: Sendable {
    public var call: ToolCall
    public var response: JSONValue
    /// True when the call failed and `response` is the host's error text.
    public var failed: Bool
    /// True when the host reports a change only after it happened (an edit
    /// already on disk): the call itself is then evaluated too, for the audit
    /// trail, although nothing can be undone.
    public var evaluatesCall: Bool
    public init(call: ToolCall, response: JSONValue, failed: Bool = false, evaluatesCall: Bool = false) {
        self.call = call
        self.response = response
        self.failed = failed
        self.evaluatesCall = evaluatesCall
    }
}

/// Why a host payload could not be turned into a tool call.
public struct HookInputError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A host integration: translation only, no policy logic. Adding a host is
/// one codec, one generator and their tests.
public protocol HostCodec: Sendable {
    var host: HostID { get }
    func decodeCall(_ payload: JSONValue) throws(HookInputError) -> ToolCall
    /// Every governed effect of one host call (a patch touching several files is
    /// several calls). The strictest decision among them wins. Default: one call.
    func decodeCalls(_ payload: JSONValue) throws(HookInputError) -> [ToolCall]
    /// Whether the host lets a PostToolUse hook replace what the model receives.
    /// When it cannot, a redaction is recorded as not enforced. Default: true.
    var replacesToolOutput: Bool { get }
    func decodeResult(_ payload: JSONValue, event: HookEvent) throws(HookInputError) -> ToolResult
    /// `enforced` is the verdict to apply (the decision's own verdict, or allow in observe mode).
    func encodePre(_ decision: Decision, enforced: Verdict, call: ToolCall) -> HookOutput
    /// `redacted` is nil when nothing had to change.
    func encodePost(_ decision: Decision, redacted: JSONValue?, result: ToolResult) -> HookOutput
    /// The fail posture for input that could not be read or an internal error.
    func encodeFailure(_ event: HookEvent, message: String) -> HookOutput
}

extension HostCodec {
    public func decodeCalls(_ payload: JSONValue) throws(HookInputError) -> [ToolCall] { [try decodeCall(payload)] }
    public var replacesToolOutput: Bool { true }
}
