import HookCore

/// What `gatehouse fleet render` fills into the templates.
public struct FleetOptions: Sendable, Equatable {
    /// Where the Claude Code marketplace comes from.
    public enum Marketplace: Sendable, Equatable {
        /// The pinned release catalog at `<base>/<ref>/<catalog>` (hosted marketplace.json).
        case release(baseURL: String)
        /// A directory on every machine (an unpacked bundle, or a checkout for testing).
        case directory(path: String)
    }

    public enum Mode: String, Sendable, CaseIterable { case observe, enforce }

    public var endpoint: String
    public var ref: String
    public var mode: Mode
    /// The remote-mode credential (base64 of client id and secret), or nil for a placeholder.
    public var credential: String?
    public var marketplace: Marketplace
    /// Where MDM installs the Codex and Cursor hook binaries on each machine.
    public var installPrefix: String
    /// The platform whose Claude release catalog the Linux/WSL and Windows settings name.
    public var platform: String
    /// The platform whose catalog the macOS payloads name.
    public var macPlatform: String

    public static let defaultReleaseBase = Gatehouse.repository + "/releases/download"
    public static let credentialPlaceholder = "REPLACE_WITH_BASE64_OF_CLIENT_ID_COLON_CLIENT_SECRET"

    public init(
        endpoint: String, ref: String, mode: Mode, credential: String? = nil,
        marketplace: Marketplace = .release(baseURL: FleetOptions.defaultReleaseBase),
        installPrefix: String = "/opt/gatehouse", platform: String = "linux-x86_64", macPlatform: String = "darwin-arm64"
    ) {
        self.endpoint = endpoint
        self.ref = ref
        self.mode = mode
        self.credential = credential
        self.marketplace = marketplace
        self.installPrefix = installPrefix
        self.platform = platform
        self.macPlatform = macPlatform
    }

    /// The version the ref names: `v1.2.3` -> `1.2.3`.
    public var version: String { ref.hasPrefix("v") ? String(ref.dropFirst()) : ref }

    /// Rejects values that would produce a template that cannot work.
    public func validate() throws {
        guard endpoint.hasPrefix("https://") || endpoint.hasPrefix("http://"),
              endpoint.count > 8, !endpoint.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else {
            throw FleetError("--endpoint must be an http(s) URL without spaces or quotes, got '\(endpoint)'")
        }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard ref.hasPrefix("v"), parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw FleetError("--ref must be a release tag like v1.2.3, got '\(ref)'")
        }
        if case .directory(let path) = marketplace, !path.hasPrefix("/") {
            throw FleetError("--marketplace-dir must be an absolute path, got '\(path)'")
        }
        if case .release(let base) = marketplace, !base.hasPrefix("https://") {
            throw FleetError("--release-base-url must be an https URL (Claude Code fetches archives over HTTPS only), got '\(base)'")
        }
        guard installPrefix.hasPrefix("/"), !installPrefix.contains(where: { $0 == " " || $0 == "\"" }) else {
            throw FleetError("--install-prefix must be an absolute path without spaces or quotes, got '\(installPrefix)'")
        }
    }
}

/// Names of release assets, shared by `fleet render` and the bundler (scripts/bundle.sh).
public enum ReleaseAssets {
    public static func zip(host: String, version: String, platform: String) -> String {
        "gatehouse-\(host)-\(version)-\(platform).zip"
    }
    public static func catalog(host: String, version: String, platform: String) -> String {
        "gatehouse-\(host)-\(version)-\(platform).marketplace.json"
    }
}
