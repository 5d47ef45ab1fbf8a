/// Slack incoming-webhook URLs: `hooks.slack.com/services/` followed by the
/// `T…/B…/secret` path (20+ characters of `A-Za-z0-9/_-`). The whole URL is
/// redacted, scheme included, since the path is the credential.
public struct SlackWebhookDetector: TextDetector {
    public let type = "slack_webhook"

    public init() {}

    static let host = Array("hooks.slack.com/services/".utf8)
    static let schemes: [[UInt8]] = ["https://", "http://"].map { Array($0.utf8) }
    static let minimumPath = 20

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        // Look for the `k` of `hooks`: rarer than `h`.
        var k = t.firstIndex(of: UInt8(ascii: "k"), from: 3)
        while k < t.count {
            let i = k - 3
            guard t.hasPrefix(Self.host, at: i) else { k = t.firstIndex(of: UInt8(ascii: "k"), from: k + 1); continue }
            let pathStart = i + Self.host.count
            let end = t.runEnd(from: pathStart) { ASCII.isBase64URL($0) || $0 == UInt8(ascii: "/") }
            if end - pathStart >= Self.minimumPath {
                let scheme = Self.schemes.first { t.hasPrefix($0, at: i - $0.count) }
                findings.append(Finding(type: type, start: i - (scheme?.count ?? 0), end: end))
            }
            k = t.firstIndex(of: UInt8(ascii: "k"), from: end + 3)
        }
    }
}
