#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HookCore

@Suite struct ProcessEnvironmentTests {
    @Test func hookVariablesKeepOnlyWhatTheHookReads() {
        setenv("GATEHOUSE_TEST_ENV_KEEP", "a=b", 1)
        setenv("UNRELATED_TEST_ENV_DROP", "x", 1)
        defer {
            unsetenv("GATEHOUSE_TEST_ENV_KEEP")
            unsetenv("UNRELATED_TEST_ENV_DROP")
        }
        let kept = ProcessEnvironment.hookVariables()
        // The value keeps everything after the first `=`.
        #expect(kept["GATEHOUSE_TEST_ENV_KEEP"] == "a=b")
        #expect(kept["UNRELATED_TEST_ENV_DROP"] == nil)
        #expect(kept["HOME"] == ProcessEnvironment.current()["HOME"])
        #expect(kept.keys.allSatisfy { $0.hasPrefix("GATEHOUSE_") || $0.hasPrefix("XDG_") || $0 == "HOME" || $0 == "ProgramData" })
        #expect(ProcessEnvironment.current()["UNRELATED_TEST_ENV_DROP"] == "x")
    }
}
