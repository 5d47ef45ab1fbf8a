/// A position in a YAML file, 1-based as editors show it.
public struct YAMLMark: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A YAML node with the place it starts. Scalars stay text: the policy schema
/// decides what a value means, so `version: 1.0` never turns into a number.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var value: Value
    public var mark: YAMLMark

    public init(_ value: Value, mark: YAMLMark) {
        self.value = value
        self.mark = mark
    }

    public var scalar: String? {
        if case let .scalar(text, _) = value { return text }
        return nil
    }

    /// A plain empty scalar, `~` or `null`.
    public var isNull: Bool {
        if case let .scalar(text, plain) = value, plain { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    public var kind: String {
        switch value {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
