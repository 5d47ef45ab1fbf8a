/// Subject detectors for SQL in MCP database tool calls, one per family
/// (`sql.injection.union`, `sql.destructive.drop`…).
public enum SQLDetectors {
    public static let all: [any SubjectDetector] = SQLFamily.allCases.map { SQLFamilyDetector(family: $0) }

    /// Findings for every SQL text in an MCP call's arguments.
    public static func findings(tool: String, input: JSONValue) -> [SQLFinding] {
        SQLToolInput.sqlTexts(toolName: tool, input: input).flatMap(SQLInspector.inspect)
    }

    struct SQLFamilyDetector: SubjectDetector {
        let family: SQLFamily
        var id: String { family.detectorID }

        func matches(_ subject: Subject, home: String?) -> Bool {
            guard subject.action == .invokeMCP else { return false }
            for sql in SQLToolInput.sqlTexts(toolName: subject.tool, input: subject.input)
            where SQLInspector.inspect(sql).contains(where: { $0.family == family }) {
                return true
            }
            return false
        }
    }
}
