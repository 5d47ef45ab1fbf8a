#if canImport(CYAMLStatic)
    import CYAMLStatic
#else
    import CYAML
#endif
import HookCore

/// A problem in a policy file, at a place in it.
public struct PolicyFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(file: String, at mark: YAMLMark, _ message: String) {
        self.init(file: file, line: mark.line, column: mark.column, message: message)
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Reads one YAML document into a node tree with libyaml's event parser.
/// Aliases are refused (a policy file has no use for them, and expanding
/// them is how small files become huge), nesting and size are bounded.
public enum YAMLReader {
    public static let maxBytes = 1 << 20
    public static let maxDepth = 64
    public static let maxNodes = 200_000

    public static func read(_ bytes: [UInt8], file: String) throws(PolicyFileError) -> YAMLNode {
        if bytes.count > maxBytes {
            throw PolicyFileError(file: file, line: 1, column: 1, message: "file is larger than \(maxBytes) bytes")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw PolicyFileError(file: file, line: 1, column: 1, message: "the YAML parser could not start")
        }
        defer { yaml_parser_delete(&parser) }
        let result: Result<YAMLNode, PolicyFileError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder(file: file)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(parseError(parser, file: file))
                }
                defer { yaml_event_delete(&event) }
                do throws(PolicyFileError) {
                    if try builder.consume(event) { break }
                } catch {
                    return .failure(error)
                }
            }
            guard let root = builder.root else {
                return .failure(PolicyFileError(file: file, line: 1, column: 1, message: "the file is empty; expected a policy mapping"))
            }
            return .success(root)
        }
        return try result.get()
    }

    static func parseError(_ parser: yaml_parser_t, file: String) -> PolicyFileError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let mark = parser.problem_mark
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) { message = "\(problem) \(context)" }
        return PolicyFileError(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
    }

    static func mark(_ m: yaml_mark_t) -> YAMLMark { YAMLMark(line: Int(m.line) + 1, column: Int(m.column) + 1) }

    /// Builds the tree from events with an explicit stack (no recursion).
    struct TreeBuilder {
        enum Frame {
            case sequence(YAMLMark, [YAMLNode])
            case mapping(YAMLMark, [(key: YAMLNode, value: YAMLNode)], pendingKey: YAMLNode?, keys: Set<String>)
        }

        let file: String
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var nodes = 0

        /// Returns true at the end of the stream.
        mutating func consume(_ event: yaml_event_t) throws(PolicyFileError) -> Bool {
            let at = YAMLReader.mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT: return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw PolicyFileError(file: file, at: at, "a policy file holds one YAML document; found a second")
                }
            case YAML_ALIAS_EVENT:
                throw PolicyFileError(file: file, at: at, "YAML aliases (*name) are not supported in policy files")
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                try add(YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), mark: at))
            case YAML_SEQUENCE_START_EVENT:
                try push(.sequence(at, []), at: at)
            case YAML_MAPPING_START_EVENT:
                try push(.mapping(at, [], pendingKey: nil, keys: []), at: at)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                switch frame {
                case let .sequence(mark, items): try add(YAMLNode(.sequence(items), mark: mark))
                case let .mapping(mark, pairs, _, _): try add(YAMLNode(.mapping(pairs), mark: mark))
                }
            default: break
            }
            return false
        }

        mutating func push(_ frame: Frame, at: YAMLMark) throws(PolicyFileError) {
            if stack.count >= YAMLReader.maxDepth {
                throw PolicyFileError(file: file, at: at, "nested deeper than \(YAMLReader.maxDepth) levels")
            }
            stack.append(frame)
        }

        mutating func add(_ node: YAMLNode) throws(PolicyFileError) {
            nodes += 1
            if nodes > YAMLReader.maxNodes {
                throw PolicyFileError(file: file, at: node.mark, "more than \(YAMLReader.maxNodes) YAML nodes")
            }
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(let mark, var items):
                items.append(node)
                stack.append(.sequence(mark, items))
            case .mapping(let mark, var pairs, let pendingKey, var keys):
                if let key = pendingKey {
                    let keyText = key.scalar ?? ""
                    if !keys.insert(keyText).inserted {
                        throw PolicyFileError(file: file, at: key.mark, "duplicate key '\(keyText)'")
                    }
                    pairs.append((key: key, value: node))
                    stack.append(.mapping(mark, pairs, pendingKey: nil, keys: keys))
                } else {
                    guard node.scalar != nil else {
                        throw PolicyFileError(file: file, at: node.mark, "a mapping key must be a plain word, not \(node.kind)")
                    }
                    stack.append(.mapping(mark, pairs, pendingKey: node, keys: keys))
                }
            }
        }
    }
}
