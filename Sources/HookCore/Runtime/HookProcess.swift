#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-level part of a hook: stdin in, stdout/stderr out, exit code,
/// and a last-resort crash posture. Every host executable calls `main`.
public enum HookProcess {
    /// Runs the hook for `event` and exits. Never returns.
    /// `engine` builds the engine for PreToolUse (the policy layers); by
    /// default the built-in pack alone.
    public static func main<Codec: HostCodec>(
        codec: Codec, event: HookEvent, engine: ((HookConfiguration) -> Engine)? = nil
    ) -> Never {
        if event == .preToolUse { installCrashPosture() }
        let configuration = HookConfiguration(environment: ProcessEnvironment.hookVariables())
        guard let input = FileSystem.readAll(STDIN_FILENO) else {
            let runner = HookRunner(codec: codec, configuration: configuration)
            finish(runner.fail(event, problem: "stdin could not be read (\(FileSystem.lastError()))", input: []))
        }
        let built = event == .preToolUse ? engine?(configuration) : nil
        let runner = HookRunner(codec: codec, configuration: configuration, engine: built)
        finish(runner.run(event, input: input))
    }

    static func finish(_ output: HookOutput) -> Never {
        FileSystem.writeAll(STDOUT_FILENO, output.stdout)
        FileSystem.writeAll(STDERR_FILENO, output.stderr)
        exit(output.exitCode)
    }

    /// If the PreToolUse hook traps, the host must not read the crash as an
    /// allow: report on stderr and exit 2, which hosts treat as a block. Only
    /// async-signal-safe calls are made here.
    static func installCrashPosture() {
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            _ = Glibc.signal(signal) { _ in
                let message: StaticString =
                    "Gatehouse: internal error while checking this tool call; it was blocked to be safe. Run `gatehouse doctor`.\n"
                _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
                _exit(2)
            }
        }
    }
}
