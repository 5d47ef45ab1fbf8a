import Foundation
import HookCore

/// Validates the JSON files of a managed-settings folder by where they sit.
public struct FleetCheck: Sendable {
    public var directory: String
    public var schemaDirectory: String

    public init(directory: String, schemaDirectory: String) {
        self.directory = directory
        self.schemaDirectory = schemaDirectory
    }

    public struct Report: Sendable {
        public var checked: [String] = []
        public var problems: [String] = []
    }

    /// Which schema a file under the folder must satisfy (nil: not a JSON template).
    public static func schema(for path: String) -> String? {
        guard path.hasSuffix(".json") else { return nil }
        if path.hasPrefix("claude/") { return FleetRenderer.claudeSettingsSchema }
        if path == "cursor/hooks.json" { return FleetRenderer.cursorHooksSchema }
        return nil
    }

    public func run() throws -> Report {
        var report = Report()
        var schemas: [String: JSONSchema] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw FleetError("\(directory): not a readable directory")
        }
        let paths = (walker.allObjects as? [String] ?? []).sorted()
        for path in paths {
            guard let schemaName = Self.schema(for: path) else { continue }
            let full = directory + "/" + path
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            if schemas[schemaName] == nil { schemas[schemaName] = try JSONSchema.load(path: schemaDirectory + "/" + schemaName) }
            let value: JSONValue
            do { value = try JSONParser.parse(bytes: Array(data)) } catch {
                report.problems.append("\(full): \(error)")
                continue
            }
            let violations = schemas[schemaName]!.validate(value)
            if violations.isEmpty { report.checked.append("\(full) (\(schemaName))") }
            for violation in violations { report.problems.append("\(full) (\(schemaName)): \(violation)") }
        }
        return report
    }
}
