/// Vendor tokens recognised by their documented prefixes. Length ranges are
/// generous at the top because vendors lengthen tokens over time; the lower
/// bounds are what keeps prose and identifiers out.
public enum SecretTokenDetectors {
    /// Classic GitHub tokens: `ghp_` (personal), `gho_` (OAuth), `ghu_`
    /// (user-to-server), `ghs_` (server-to-server), `ghr_` (refresh) + 36+.
    public static let github = PrefixedTokenDetector(
        type: "github_token", prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
        body: .alphanumeric, lengths: 36...255)

    /// Fine-grained GitHub personal access tokens: `github_pat_` + 82.
    public static let githubFineGrained = PrefixedTokenDetector(
        type: "github_token", prefixes: ["github_pat_"], body: .alphanumericUnderscore, lengths: 82...255)

    /// GitLab personal access tokens: `glpat-` + 20+.
    public static let gitlab = PrefixedTokenDetector(
        type: "gitlab_token", prefixes: ["glpat-"], body: .base64URL, lengths: 20...255)

    /// Slack bot, user, app-level, refresh and legacy tokens.
    public static let slack = PrefixedTokenDetector(
        type: "slack_token", prefixes: ["xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xapp-"],
        body: .alphanumericDash, lengths: 10...255)

    /// Stripe live secret and restricted keys. Test-mode keys move no money
    /// and are left visible.
    public static let stripe = PrefixedTokenDetector(
        type: "stripe_key", prefixes: ["sk_live_", "rk_live_"], body: .alphanumeric, lengths: 10...255)

    /// Google API keys: `AIza` + exactly 35.
    public static let googleAPIKey = PrefixedTokenDetector(
        type: "google_api_key", prefixes: ["AIza"], body: .base64URL, lengths: 35...35)

    /// Anthropic keys: `sk-ant-api03-…`, `sk-ant-admin01-…`.
    public static let anthropic = PrefixedTokenDetector(
        type: "anthropic_api_key", prefixes: ["sk-ant-"], body: .base64URL, lengths: 32...512)

    /// OpenAI keys: legacy `sk-` + 48, `sk-proj-…`, `sk-svcacct-…`,
    /// `sk-admin-…`. `sk-` is a common prefix, so the body must look random.
    public static let openAI = PrefixedTokenDetector(
        type: "openai_api_key", prefixes: ["sk-"], excluding: ["sk-ant-"], body: .base64URL,
        lengths: 32...512, shape: .random(minimumUnbroken: 20))
}
