/// The Cursor hook events Gatehouse answers. Cursor names each moment
/// separately; each maps onto one of Gatehouse's two governed moments.
public enum CursorEvent: String, Sendable, CaseIterable {
    case beforeShellExecution, beforeMCPExecution, beforeReadFile, preToolUse
    case afterShellExecution, afterMCPExecution, afterFileEdit, postToolUse

    public var hookEvent: HookEvent {
        switch self {
        case .beforeShellExecution, .beforeMCPExecution, .beforeReadFile, .preToolUse: .preToolUse
        case .afterShellExecution, .afterMCPExecution, .afterFileEdit, .postToolUse: .postToolUse
        }
    }

    /// beforeReadFile answers only allow or deny.
    var canAsk: Bool { self != .beforeReadFile }
}
