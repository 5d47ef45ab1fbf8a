import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child started with posix_spawn in its own process group, with a clean signal
/// state. Foundation's Process cannot do either: its child inherits the blocked signal
/// mask of the Swift-concurrency thread that spawned it (claude and its hooks would
/// then run with SIGTERM, SIGINT... blocked), and killing it leaves grandchildren
/// (hooks, shell commands) running and holding its files open.
final class ChildProcess {
    let pid: pid_t
    /// Set once the child has been reaped; from then on its pid may belong to others.
    private(set) var exitCode: Int32?

    private init(pid: pid_t) { self.pid = pid }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` with exactly `environment`, in `directory`, stdin from
    /// /dev/null and stdout/stderr appended to the given files.
    static func spawn(
        _ executable: String, _ arguments: [String],
        environment: [String: String], directory: String,
        stdout: String, stderr: String
    ) throws -> ChildProcess {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        let append = O_WRONLY | O_CREAT | O_APPEND
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, append, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, append, 0o600)

        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)  // new group, id = child pid
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))

        // posix_spawn has no portable chdir action, so a shell changes directory and
        // then execs the program (same pid, same process group).
        let trampoline = ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory, executable]
        let argv = (trampoline + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        return ChildProcess(pid: pid)
    }

    /// True once the child has ended. It is not reaped yet, so its pid (and process
    /// group id) cannot be reused and signalling the group stays safe.
    func hasExited() -> Bool {
        if exitCode != nil { return true }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        #if canImport(Darwin)
        return info.si_pid != 0
        #else
        return info._sifields._sigchld.si_pid != 0
        #endif
    }

    /// Waits for the child to end; past `timeout` stops its whole process group.
    /// Returns the exit code (128 + signal when killed) and whether the timeout struck.
    func wait(timeout: Duration) async -> (exitCode: Int32, timedOut: Bool) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while !hasExited() {
            if clock.now >= deadline {
                stop()
                return (exitCode ?? -1, true)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return (finish(), false)
    }

    /// SIGTERM to the group, a short grace period, then SIGKILL. Idempotent.
    func stop() {
        guard exitCode == nil else { return }
        if !hasExited() {
            kill(-pid, SIGTERM)
            for _ in 0..<40 where !hasExited() { usleep(25_000) }
        }
        _ = finish()
    }

    /// Kills what is left of the group (background shells, hooks), then reaps.
    private func finish() -> Int32 {
        if let exitCode { return exitCode }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        let rc = waitpid(pid, &status, 0)
        let signal = status & 0x7f
        let code: Int32 = rc < 0 ? -1 : (signal == 0 ? (status >> 8) & 0xff : 128 + signal)
        exitCode = code
        return code
    }
}
