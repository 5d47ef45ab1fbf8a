import Testing
@testable import HookCore

extension Detectors {
    @Suite struct SecretTokenDetectorTests {
        static let alnum36 = "aBcD1234eFgH5678iJkL9012mNoP3456qRsT"
        static let fineGrained: String = "github_pat_11ABCDEFG0123456789abcde_" + String(repeating: "aB3", count: 19) + "xy"
        static let anthropicKey: String = "sk-ant-api03-" + String(repeating: "Ab1_", count: 23) + "AA"
        static let projectKey: String = "sk-proj-" + String(repeating: "Xy7", count: 20) + "-" + String(repeating: "q9Z", count: 10)
        static let legacyKey: String = "sk-" + String(repeating: "a1B2", count: 12)

        static let tokens: [(PrefixedTokenDetector, String)] = [
            (SecretTokenDetectors.github, "ghp_" + alnum36),
            (SecretTokenDetectors.github, "gho_" + alnum36),
            (SecretTokenDetectors.github, "ghu_" + alnum36),
            (SecretTokenDetectors.github, "ghs_" + alnum36),
            (SecretTokenDetectors.github, "ghr_" + alnum36),
            (SecretTokenDetectors.githubFineGrained, fineGrained),
            (SecretTokenDetectors.gitlab, "glpat-xY9_abc-DEF123ghi456"),
            (SecretTokenDetectors.slack, "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
            (SecretTokenDetectors.slack, "xoxp-1234-5678-9012-abcdef"),
            (SecretTokenDetectors.stripe, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
            (SecretTokenDetectors.stripe, "rk_live_51H8abcdefghijklmnop"),
            (SecretTokenDetectors.googleAPIKey, "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU_v"),
            (SecretTokenDetectors.anthropic, anthropicKey),
            (SecretTokenDetectors.openAI, projectKey),
            (SecretTokenDetectors.openAI, legacyKey),
        ]

        @Test(arguments: tokens)
        func findsTokens(detector: PrefixedTokenDetector, token: String) {
            for context in ["{}", "token={}", "Authorization: Bearer {}\n", "\"key\":\"{}\"", "\\n{}"] {
                #expect(DetectorProbe.hit(detector, token, in: context) == [token], "\(detector.type) in \(context)")
            }
        }

        static let lookalikes: [(PrefixedTokenDetector, String)] = [
            (SecretTokenDetectors.github, "ghp_" + String(alnum36.dropLast())),  // too short
            (SecretTokenDetectors.github, "xghp_" + alnum36),
            (SecretTokenDetectors.github, "ghx_" + alnum36),
            (SecretTokenDetectors.githubFineGrained, "github_pat_short_one"),
            (SecretTokenDetectors.gitlab, "glpat-tooShort"),
            (SecretTokenDetectors.slack, "xoxb-123"),
            (SecretTokenDetectors.stripe, "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),  // test mode
            (SecretTokenDetectors.googleAPIKey, "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU_vX"),  // 36
            (SecretTokenDetectors.googleAPIKey, "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU"),  // 33
            (SecretTokenDetectors.openAI, "sk-my-long-branch-name-for-the-2024-release"),  // kebab case
            (SecretTokenDetectors.openAI, "sk-abcdefghijklmnopqrstuvwxyzabcdefghijkl"),  // no digits
            (SecretTokenDetectors.openAI, "ta" + legacyKey),
            (SecretTokenDetectors.openAI, anthropicKey),  // Anthropic's
            (SecretTokenDetectors.anthropic, "sk-ant-short"),
        ]

        @Test(arguments: lookalikes)
        func ignoresLookalikes(detector: PrefixedTokenDetector, text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(detector.type): \(text)")
        }

        @Test func customPrefixesWithoutACommonByteStillWork() {
            let detector = PrefixedTokenDetector(type: "acme_token", prefixes: ["acme_", "zz-"], body: .alphanumeric, lengths: 8...8)
            #expect(DetectorProbe.hits(detector, in: "a acme_12345678 zz-abcdEFGH zz-abc acme_123456789") == ["acme_12345678", "zz-abcdEFGH"])
            let unbounded = PrefixedTokenDetector(type: "any", prefixes: ["k:"], body: .alphanumeric, lengths: 1...Int.max)
            #expect(DetectorProbe.hits(unbounded, in: "k:abc k:") == ["k:abc"])
        }

        @Test func findsSlackWebhooksWithTheirScheme() {
            let url = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
            #expect(DetectorProbe.hit(SlackWebhookDetector(), url, in: "curl -X POST {} -d @msg.json") == [url])
            #expect(DetectorProbe.hits(SlackWebhookDetector(), in: "see https://hooks.slack.com/services/ for docs").isEmpty)
            #expect(DetectorProbe.hits(SlackWebhookDetector(), in: "https://api.slack.com/services/T0/B0/XXXXXXXXXXXXXXXXXXXX").isEmpty)
        }
    }
}
