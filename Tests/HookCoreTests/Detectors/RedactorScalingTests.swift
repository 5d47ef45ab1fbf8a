import Testing
@testable import HookCore

extension Detectors {
    /// Matching must be linear-time: tool output is attacker-influenced, and a
    /// quadratic corner would let one `cat` stall every tool call. Each
    /// adversarial input is timed at two sizes 32 times apart: linear work grows
    /// about 32x, quadratic about 1000x. The bound between them is loose on
    /// purpose, so a busy machine running other tests cannot make it flaky.
    @Suite(.serialized) struct RedactorScalingTests {
        static let adversarialUnits = [
            "1234567890", "a@", "a@a.", String(repeating: "a", count: 63) + "@" + String(repeating: "b.", count: 130),
            "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----\n", "-----BEGIN RSA PRIVATE KEY-----\nX: -----BEGIN RSA PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPH\n", "-----END ", "secret ", "secret=", "eyJ.", "eyJhbGciOiJIUzI1NiJ9.",
            "sk-", "ghp_", "4111 ", "1-", "+1 ", "(415) ", "DE89 ", "AKIA", "ssn 123456789 ", "\\n", "QUJDREVGR0hJSktM+/",
            "hooks.slack.com/services/",
        ]

        static func repeated(_ unit: String, bytes: Int) -> String {
            String(repeating: unit, count: max(1, bytes / unit.utf8.count))
        }

        static func fastest(_ redactor: Redactor, _ text: String) -> Duration {
            let clock = ContinuousClock()
            var best = Duration.seconds(3600)
            for _ in 0..<3 {
                let start = clock.now
                _ = redactor.redact(text)
                best = min(best, clock.now - start)
            }
            return best
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        @Test(arguments: adversarialUnits)
        func adversarialInputScalesLinearly(unit: String) {
            let redactor = Redactor()
            let small = Self.seconds(Self.fastest(redactor, Self.repeated(unit, bytes: 2 << 10)))
            let large = Self.seconds(Self.fastest(redactor, Self.repeated(unit, bytes: 64 << 10)))
            #expect(large / max(small, 1e-6) < 160, "\(unit.prefix(20)): \(small)s -> \(large)s")
        }
    }
}
