import Testing
@testable import HookCore

extension Detectors {
    /// Seeded random inputs: noise built from the fragments detectors react to,
    /// with real-looking secrets planted between line breaks. The redactor must
    /// not crash, must keep its findings well-formed, and no planted value may
    /// survive in the output, whatever noise surrounds it.
    @Suite struct RedactorRobustnessTests {
        /// SplitMix64: tiny, seedable, good enough to generate test inputs.
        struct SeededGenerator: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }

        static let fragments = [
            "a", "Z", "x", "0", "1", "4", "9", "42", "@", ".", "-", "_", " ", "  ", "\n", "\r\n", "\t", "+", "(", ")", "/",
            "=", ":", ",", "\"", "{", "}", "[", "]", "\\", "\\n", "é", "日本", "🎉", "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "-----",
            "-----BEGIN ", "-----END ", "-----BEGIN RSA PRIVATE KEY-----", "PRIVATE KEY-----", "AKIA", "ASIA", "sk-", "sk-ant-",
            "ghp_", "github_pat_", "glpat-", "xoxb-", "sk_live_", "AIza", "hooks.slack.com/services/", "https://", "4111",
            "1111 ", "5555-", "123-45-", "ssn", "SSN: ", "secret", "DE89", "GB82 WEST ", "+1 ", "(415) ", "555-", "@example.com",
            "user", "mail.", ".com", "MIIEowIBAAKCAQEA", "wJalrXUtnFEMI", "==", "%", "'", "0.", "2024-05-01",
        ]

        static let planted = [
            "jane.doe@example.com", "o.b-r_i+e%n@mail.example.co.uk",
            "4111111111111111", "4111 1111 1111 1111", "3782 822463 10005", "5555-5555-5555-4444",
            "123-45-6789", "665 12 3456",
            "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A",
            "ghp_aBcD1234eFgH5678iJkL9012mNoP3456qRsT", "glpat-xY9_abc-DEF123ghi456",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU_v",
            "sk-ant-api03-Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_AA", "sk-proj-Xy7Xy7Xy7Xy7Xy7Xy7Xy7Xy7Xy7Xy7-q9Zq9Zq9Z",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDhD5Ep5w==\n-----END OPENSSH PRIVATE KEY-----",
            "+44 20 7946 0958", "(415) 555-2671", "1-800-555-0199",
            "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
        ]

        /// The secret inside a planted unit that needs context to be found.
        static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

        static func noise(_ rng: inout SeededGenerator, fragments count: Int) -> String {
            var out = ""
            for _ in 0..<count {
                if rng.next() % 8 == 0 {
                    // Arbitrary bytes, repaired into valid UTF-8 as any String would be.
                    let bytes = (0..<Int(rng.next() % 6)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    out += String(decoding: bytes, as: UTF8.self)
                } else {
                    out += fragments[Int(rng.next() % UInt64(fragments.count))]
                }
            }
            return out
        }

        @Test func randomTextNeverLeaksAPlantedValue() {
            var rng = SeededGenerator(state: 0x6761_7465_686F_7573)
            let redactor = Redactor()
            for round in 0..<1500 {
                var text = Self.noise(&rng, fragments: Int(rng.next() % 120))
                var values: [String] = []
                for _ in 0..<(1 + rng.next() % 3) {
                    if rng.next() % 6 == 0 {
                        text += "\naws_secret_access_key = " + Self.secretKey + "\n"
                        values.append(Self.secretKey)
                    } else {
                        let value = Self.planted[Int(rng.next() % UInt64(Self.planted.count))]
                        text += "\n" + value + "\n"
                        values.append(value)
                    }
                    text += Self.noise(&rng, fragments: Int(rng.next() % 60))
                }
                let (redacted, findings) = redactor.redact(text)
                for value in values {
                    #expect(!Self.containsBytes(redacted, value), "round \(round) leaked \(value)")
                }
                Self.checkWellFormed(findings, in: text, redacted: redacted)
            }
        }

        @Test func randomBytesNeverCrash() {
            var rng = SeededGenerator(state: 42)
            let redactor = Redactor()
            for _ in 0..<1000 {
                let bytes = (0..<Int(rng.next() % 400)).map { _ in
                    // Mostly ASCII punctuation and digits, where the detectors look hardest.
                    rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : UInt8(0x20 + rng.next() % 0x5F)
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let (redacted, findings) = redactor.redact(text)
                Self.checkWellFormed(findings, in: text, redacted: redacted)
            }
        }

        @Test func randomJSONKeepsItsShapeAndLeaksNothing() {
            var rng = SeededGenerator(state: 7)
            let redactor = Redactor()
            for round in 0..<300 {
                var values: [String] = []
                let document = Self.randomJSON(&rng, depth: 0, values: &values)
                let (redacted, findings) = redactor.redact(document)
                let text = redacted.jsonText
                for value in values {
                    #expect(!Self.containsBytes(text, String(JSONValue.string(value).jsonText.dropFirst().dropLast())), "round \(round) leaked \(value)")
                }
                #expect(Self.shape(redacted) == Self.shape(document))
                #expect(findings.allSatisfy { $0.start < $0.end })
            }
        }

        static func randomJSON(_ rng: inout SeededGenerator, depth: Int, values: inout [String]) -> JSONValue {
            switch depth > 3 ? rng.next() % 4 : rng.next() % 6 {
            case 0: return .null
            case 1: return .number(String(rng.next() % 100_000))
            case 2: return .bool(rng.next() % 2 == 0)
            case 3:
                var text = noise(&rng, fragments: Int(rng.next() % 20))
                if rng.next() % 2 == 0 {
                    let value = planted[Int(rng.next() % UInt64(planted.count))]
                    values.append(value)
                    text += "\n" + value + "\n" + noise(&rng, fragments: Int(rng.next() % 10))
                }
                return .string(text)
            case 4:
                return .array((0..<Int(rng.next() % 4)).map { _ in randomJSON(&rng, depth: depth + 1, values: &values) })
            default:
                return .object((0..<Int(rng.next() % 4)).map { index in
                    (key: "k\(index)" + noise(&rng, fragments: 2), value: randomJSON(&rng, depth: depth + 1, values: &values))
                })
            }
        }

        /// The document with every string blanked: what redaction must preserve.
        static func shape(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string: return .string("")
            case let .array(items): return .array(items.map(shape))
            case let .object(members): return .object(members.map { (key: $0.key, value: shape($0.value)) })
            default: return value
            }
        }

        /// Byte-wise, so that no grapheme clustering with neighbouring noise can hide a leak.
        static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
            let h = Array(haystack.utf8), n = Array(needle.utf8)
            guard n.count <= h.count else { return false }
            return (0...(h.count - n.count)).contains { start in h[start..<(start + n.count)].elementsEqual(n) }
        }

        /// Findings sorted, disjoint, inside the text, on scalar boundaries, and
        /// the output exactly the text with each replaced by its marker.
        static func checkWellFormed(_ findings: [Finding], in text: String, redacted: String) {
            let bytes = Array(text.utf8)
            var expected: [UInt8] = []
            var copied = 0
            for finding in findings {
                #expect(finding.start >= copied && finding.start < finding.end && finding.end <= bytes.count)
                guard finding.start >= copied, finding.start < finding.end, finding.end <= bytes.count else { return }
                #expect(bytes[finding.start] & 0xC0 != 0x80)
                #expect(finding.end == bytes.count || bytes[finding.end] & 0xC0 != 0x80)
                expected += bytes[copied..<finding.start]
                expected += Array("[REDACTED:\(finding.type)]".utf8)
                copied = finding.end
            }
            expected += bytes[copied...]
            #expect(Array(redacted.utf8) == expected)
        }
    }
}
