import Testing
@testable import HookCore

extension Detectors {
    @Suite struct RedactorTests {
        let redactor = Redactor()

        /// A detector with fixed answers, to pin down how hits combine.
        struct FixedDetector: TextDetector {
            let type: String
            let spans: [(Int, Int)]
            func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
                for (start, end) in spans { findings.append(Finding(type: type, start: start, end: end)) }
            }
        }

        @Test func defaultDetectorsUseTheDocumentedTypeNames() {
            let types = Set(Redactor.defaultDetectors.map(\.type))
            for name in ["email", "us_ssn", "credit_card", "aws_access_key", "aws_secret_key", "github_token", "private_key", "jwt", "phone", "iban"] {
                #expect(types.contains(name), "\(name)")
            }
            #expect(types.allSatisfy { $0.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F } })
        }

        @Test func replacesEachHitWithItsType() {
            let text = "user jane@example.com paid with 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE."
            let (redacted, findings) = redactor.redact(text)
            #expect(redacted == "user [REDACTED:email] paid with [REDACTED:credit_card], key [REDACTED:aws_access_key].")
            #expect(findings.map(\.type) == ["email", "credit_card", "aws_access_key"])
            #expect(findings.map(\.path) == ["", "", ""])
            let bytes = Array(text.utf8)
            #expect(findings.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
                == ["jane@example.com", "4111 1111 1111 1111", "AKIAIOSFODNN7EXAMPLE"])
            #expect(redactor.findings(in: text) == findings)
        }

        @Test func offsetsAreUTF8BytesAroundNonASCIIText() {
            let text = "Grüße 🎉 an jürgen.k@example.de"
            let (redacted, findings) = redactor.redact(text)
            #expect(redacted == "Grüße 🎉 an [REDACTED:email]")
            #expect(findings == [Finding(type: "email", start: 16, end: 36)])
        }

        @Test func leavesCleanTextAlone() {
            for text in ["", "nothing to see here", "build ok in 12.5s (1700000000000)", "日本語のテキスト"] {
                let (redacted, findings) = redactor.redact(text)
                #expect(redacted == text)
                #expect(findings.isEmpty)
            }
        }

        @Test func aBlockSwallowsWhatIsInsideIt() {
            let key = "-----BEGIN PRIVATE KEY-----\nAKIAIOSFODNN7EXAMPLEAAAAAAAAAAAAAAAAAAAA\nAKIAIOSFODNN7EXAMPLE\n-----END PRIVATE KEY-----"
            let (redacted, findings) = redactor.redact("k=" + key + "!")
            #expect(redacted == "k=[REDACTED:private_key]!")
            #expect(findings.count == 1)
        }

        @Test func overlappingHitsMergeUnderTheLongestType() {
            let detectors: [any TextDetector] = [
                FixedDetector(type: "short", spans: [(2, 6)]),
                FixedDetector(type: "long", spans: [(4, 12)]),
                FixedDetector(type: "tie", spans: [(20, 24)]),
                FixedDetector(type: "later_tie", spans: [(20, 24), (30, 31)]),
            ]
            let (redacted, findings) = Redactor(detectors: detectors).redact("0123456789abcdefghijklmnopqrstuvwxyz")
            #expect(findings == [
                Finding(type: "long", start: 2, end: 12), Finding(type: "tie", start: 20, end: 24),
                Finding(type: "later_tie", start: 30, end: 31),
            ])
            #expect(redacted == "01[REDACTED:long]cdefghij[REDACTED:tie]opqrst[REDACTED:later_tie]vwxyz")
        }

        @Test func aTokenGluedToAnAddressLeavesNothingVisible() {
            let (redacted, _) = redactor.redact("AKIAIOSFODNN7EXAMPLE@example.com")
            #expect(!redacted.contains("example.com") && !redacted.contains("AKIA"))
        }

        @Test func ignoresNonsenseFromFaultyDetectors() {
            let faulty = FixedDetector(type: "bad", spans: [(-5, 2), (3, 3), (5, 4), (8, 1000), (0, Int.max)])
            let (redacted, findings) = Redactor(detectors: [faulty]).redact("0123456789")
            #expect(redacted == "0123456789")
            #expect(findings.isEmpty)
        }

        @Test func findsEveryBuiltInTypeInOneOutput() {
            let text = """
                -----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
                -----END RSA PRIVATE KEY-----
                jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456
                aws_access_key_id=AKIAIOSFODNN7EXAMPLE
                aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                GITHUB_TOKEN=ghp_aBcD1234eFgH5678iJkL9012mNoP3456qRsT
                GITLAB=glpat-xY9_abc-DEF123ghi456
                SLACK=xoxb-123456789012-AbCdEfGhIjKl and https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXX
                STRIPE=sk_live_4eC39HqLyjWDarjtT1zdp7dc GOOGLE=AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU_v
                ANTHROPIC=sk-ant-api03-Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_Ab1_AA OPENAI=sk-a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2
                mail: ops@example.com card: 5555-5555-5555-4444 iban: GB82 WEST 1234 5698 7654 32
                ssn: 123-45-6789 phone: (415) 555-2671
                """
            let types = redactor.findings(in: text).map(\.type)
            #expect(types == [
                "private_key", "jwt", "aws_access_key", "aws_secret_key", "github_token", "gitlab_token", "slack_token",
                "slack_webhook", "stripe_key", "google_api_key", "anthropic_api_key", "openai_api_key", "email",
                "credit_card", "iban", "us_ssn", "phone",
            ])
        }
    }
}
