import Foundation

/// Paths inside the repository, found from this source file so tests work from any cwd.
enum RepoPaths {
    /// The nearest ancestor of this file that holds Package.swift.
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        // Layout fallback: <root>/Tests/GatehouseEndToEndTests/Support/RepoPaths.swift
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `make test` passes GATEHOUSE_CLAUDE_CLI; otherwise where `make deps-e2e` installs it.
    static let claudeBinary: URL = {
        if let path = ProcessInfo.processInfo.environment["GATEHOUSE_CLAUDE_CLI"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return root.appendingPathComponent(".tools/claude/claude")
    }()
    /// `make test` passes GATEHOUSE_CODEX_CLI; otherwise where `make deps-e2e` installs it.
    static let codexBinary: URL = {
        if let path = ProcessInfo.processInfo.environment["GATEHOUSE_CODEX_CLI"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return root.appendingPathComponent(".tools/codex/codex_cli_bin/bin/codex")
    }()
    static let codexPlugin = root.appendingPathComponent("plugins/codex")
    static let codexHookBinary = codexPlugin.appendingPathComponent("bin/gatehouse-codex")
    static let cursorPlugin = root.appendingPathComponent("plugins/cursor")
    static let claudePlugin = root.appendingPathComponent("plugins/claude")
    static let claudeHookBinary = claudePlugin.appendingPathComponent("bin/gatehouse-claude")
    static let fixtures = root.appendingPathComponent("Tests/GatehouseEndToEndTests/Fixtures")
    static let modelServer = fixtures.appendingPathComponent("model_server.py")
}
