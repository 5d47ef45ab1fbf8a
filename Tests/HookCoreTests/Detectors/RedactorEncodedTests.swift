import Testing
@testable import HookCore

extension Detectors {
    @Suite("Redactor: encoded and split values")
    struct RedactorEncodedTests {
        let redactor = Redactor()
        static let token = "ghp_" + String(repeating: "Zx9Qw3", count: 6)

        @Test func base64HexAndPercentEncodedValuesAreRedactedWhole() {
            let base64 = "dG9rZW49Z2hwX1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3M1p4OVF3Mw=="  // token=ghp_…
            #expect(redactor.redact("cfg " + base64 + " end").text == "cfg [REDACTED:github_token] end")
            let hex = "6361726f6c406578616d706c652e636f6d"  // carol@example.com
            #expect(redactor.redact("x " + hex).text == "x [REDACTED:email]")
            #expect(redactor.redact("?e=carol%40example.com&x=1").text == "?e=[REDACTED:email]&x=1")
        }

        @Test func innocuousEncodingsPass() {
            for text in ["aGVsbG8gd29ybGQsIHRoaXMgaXMgYSB0ZXN0", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "q=hello%20world"] {
                #expect(redactor.findings(in: text).isEmpty, "\(text)")
            }
        }

        @Test func valueSplitAcrossArrayElements() {
            let input = JSONValue.array([.string("card 4111 1111"), .string(" 1111 1111 ok"), .string("plain")])
            let (value, findings) = redactor.redact(input)
            #expect(value == .array([.string("card [REDACTED:credit_card]"), .string("[REDACTED:credit_card] ok"), .string("plain")]))
            #expect(findings.map(\.path) == ["[0]", "[1]"])
        }

        @Test func tokenSplitInThreeChunks() {
            let t = Self.token
            let a = String(t.prefix(10)), b = String(t.dropFirst(10).prefix(10)), c = String(t.dropFirst(20))
            let (value, _) = redactor.redact(.object([("chunks", .array([.string(a), .string(b), .string(c)]))]))
            #expect(!value.jsonText.contains("Zx9Qw3"), "\(value.jsonText)")
        }
    }
}
