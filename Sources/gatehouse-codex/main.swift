import HookCore
import PolicyFiles

// The hook path is decided before anything else is touched: argument parsing,
// generation and installation code stay off the per-tool-call path.
let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "hook", let event = HookEvent(rawValue: arguments[2]), event != .postToolUseFailure {
    GovernedHook.main(codec: CodexCodec(), event: event)
}
CodexCommand.main()
