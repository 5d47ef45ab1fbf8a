import HookCore

/// Turns a YAML tree into a policy document, checking every key: an unknown
/// key is an error (a typo must not silently drop a condition).
public struct PolicyDecoder {
    public var file: String
    public var layer: PolicyLayer
    public var detectors: DetectorRegistry

    public init(file: String, layer: PolicyLayer, detectors: DetectorRegistry = .builtin) {
        self.file = file
        self.layer = layer
        self.detectors = detectors
    }

    /// Reads and decodes a policy file.
    public static func load(
        path: String, displayName: String? = nil, layer: PolicyLayer, detectors: DetectorRegistry = .builtin
    ) throws(PolicyFileError) -> PolicyDocument {
        let name = displayName ?? path
        guard let bytes = FileSystem.read(path) else {
            throw PolicyFileError(file: name, line: 1, column: 1, message: "cannot read the file: \(FileSystem.lastError())")
        }
        return try decode(bytes, file: name, layer: layer, detectors: detectors)
    }

    public static func decode(
        _ bytes: [UInt8], file: String, layer: PolicyLayer, detectors: DetectorRegistry = .builtin
    ) throws(PolicyFileError) -> PolicyDocument {
        let root = try YAMLReader.read(bytes, file: file)
        return try PolicyDecoder(file: file, layer: layer, detectors: detectors).document(root)
    }

    static let topKeys = ["name", "version", "description", "appliesTo", "defaultEffect", "rules", "audit"]
    static let ruleKeys = ["id", "description", "effect", "risk", "actions", "conditions", "reason", "guidance", "tests", "raisedBy"]
    static let fieldKeys = ["resource", "tool", "host", "cwd", "content"]
    static let conditionKeys = fieldKeys + ["detector", "not"]
    static let operatorKeys = ["matches", "regex", "startsWith", "contains", "equals"]

    func error(_ node: YAMLNode, _ message: String) -> PolicyFileError {
        PolicyFileError(file: file, at: node.mark, message)
    }

    func mapping(_ node: YAMLNode, _ what: String, keys: [String]) throws(PolicyFileError) -> [(key: YAMLNode, value: YAMLNode)] {
        guard case let .mapping(pairs) = node.value else {
            throw error(node, "expected \(what) (a mapping), found \(node.kind)")
        }
        for pair in pairs where !keys.contains(pair.key.scalar ?? "") {
            let key = pair.key.scalar ?? ""
            let suggestion = PolicyDecoder.closest(key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
            throw error(pair.key, "unknown key '\(key)' in \(what)\(suggestion); expected one of: \(keys.joined(separator: ", "))")
        }
        return pairs
    }

    func string(_ node: YAMLNode, _ what: String) throws(PolicyFileError) -> String {
        guard let text = node.scalar else { throw error(node, "expected \(what) as text, found \(node.kind)") }
        return text
    }

    /// A scalar or a list of scalars.
    func strings(_ node: YAMLNode, _ what: String) throws(PolicyFileError) -> [(String, YAMLNode)] {
        switch node.value {
        case let .scalar(text, _): return [(text, node)]
        case let .sequence(items):
            var out: [(String, YAMLNode)] = []
            for item in items { out.append((try string(item, what), item)) }
            if out.isEmpty { throw error(node, "expected at least one \(what)") }
            return out
        case .mapping: throw error(node, "expected \(what) (text or a list of text), found a mapping")
        }
    }

    func oneOf<T>(_ node: YAMLNode, _ what: String, _ options: [(String, T)]) throws(PolicyFileError) -> T {
        let text = try string(node, what)
        guard let found = options.first(where: { $0.0 == text }) else {
            throw error(node, "unknown \(what) '\(text)'; expected one of: \(options.map(\.0).joined(separator: ", "))")
        }
        return found.1
    }

    static let effects: [(String, Effect)] = Effect.allCases.map { ($0.rawValue, $0) }
    static let risks: [(String, RiskLevel)] = RiskLevel.allCases.map { ($0.rawValue, $0) }
    static let actions: [(String, PolicyAction)] = PolicyAction.allCases.map { ($0.rawValue, $0) }
    static let verdicts: [(String, Verdict)] = [("allow", .allow), ("deny", .deny), ("ask", .ask)]

    func document(_ root: YAMLNode) throws(PolicyFileError) -> PolicyDocument {
        let pairs = try mapping(root, "a policy file", keys: PolicyDecoder.topKeys)
        var document = PolicyDocument(
            file: file, layer: layer, name: "", version: nil, description: nil, appliesTo: AppliesTo(),
            defaultEffect: nil, rules: [])
        var rulesNode: YAMLNode?
        for (key, value) in pairs {
            switch key.scalar ?? "" {
            case "name": document.name = try string(value, "name")
            case "version": document.version = try string(value, "version")
            case "description": document.description = try string(value, "description")
            case "defaultEffect":
                let effect = try oneOf(value, "defaultEffect", PolicyDecoder.verdicts.map { ($0.0, Effect(rawValue: $0.0)!) })
                if layer == .project, effect == .allow {
                    throw error(value, "a project policy file may not set defaultEffect: allow (projects may only add deny or ask)")
                }
                document.defaultEffect = effect
            case "appliesTo": document.appliesTo = try appliesTo(value)
            case "rules": rulesNode = value
            default: break // `audit:` is accepted for MeshGuard files and has no effect here.
            }
        }
        if document.name.isEmpty { throw error(root, "missing required key 'name'") }
        guard let rulesNode else { throw error(root, "missing required key 'rules'") }
        guard case let .sequence(items) = rulesNode.value else {
            throw error(rulesNode, "expected rules as a list, found \(rulesNode.kind)")
        }
        for (index, item) in items.enumerated() {
            document.rules.append(try rule(item, index: index + 1, documentName: document.name))
        }
        var seen: Set<String> = []
        for rule in document.rules where !seen.insert(rule.policy.id).inserted {
            throw error(rule.node, "duplicate rule id '\(rule.policy.id)'")
        }
        return document
    }

    func appliesTo(_ node: YAMLNode) throws(PolicyFileError) -> AppliesTo {
        var result = AppliesTo()
        for (key, value) in try mapping(node, "appliesTo", keys: ["tags", "hosts"]) {
            let list = try strings(value, key.scalar ?? "").map(\.0)
            if key.scalar == "tags" { result.tags = list } else { result.hosts = list }
        }
        return result
    }

    func rule(_ node: YAMLNode, index: Int, documentName: String) throws(PolicyFileError) -> PolicyRule {
        let pairs = try mapping(node, "a rule", keys: PolicyDecoder.ruleKeys)
        var id: String?
        var description = "", reason = "", guidance: String?
        var effect: Effect?
        var risk = RiskLevel.medium
        var actions: PolicyActions = []
        var conditions: [Condition] = []
        var exceptions: [[Condition]] = []
        var tests: [PolicyTestCase] = []
        var raised = false
        var effectNode = node
        for (key, value) in pairs {
            switch key.scalar ?? "" {
            case "id": id = try string(value, "id")
            case "description": description = try string(value, "description")
            case "effect":
                effect = try oneOf(value, "effect", PolicyDecoder.effects)
                effectNode = value
            case "risk": risk = try oneOf(value, "risk", PolicyDecoder.risks)
            case "actions":
                for (_, item) in try strings(value, "action") { actions.insert(try oneOf(item, "action", PolicyDecoder.actions)) }
            case "conditions":
                if case let .sequence(items) = value.value {
                    for item in items { try conditionMap(item, into: &conditions, exceptions: &exceptions) }
                } else {
                    try conditionMap(value, into: &conditions, exceptions: &exceptions)
                }
            case "reason": reason = try string(value, "reason")
            case "guidance": guidance = try string(value, "guidance")
            case "raisedBy":
                guard try string(value, "raisedBy") == "engine" else { throw error(value, "raisedBy must be 'engine'") }
                raised = true
            default: // tests
                guard case let .sequence(items) = value.value else { throw error(value, "expected tests as a list, found \(value.kind)") }
                for item in items { tests.append(try testCase(item)) }
            }
        }
        guard let effect else { throw error(node, "missing required key 'effect' (allow, deny, ask, redact or log)") }
        if layer == .project, effect == .allow {
            throw error(effectNode, "allow rules are not permitted in project policy files: a repository may only add deny or ask rules")
        }
        if layer == .builtin, id == nil { throw error(node, "missing required key 'id' (required in built-in policy files)") }
        let ruleID = id ?? "\(documentName)#\(index)"
        if ruleID.isEmpty { throw error(node, "the rule id is empty") }
        let policy = Policy(
            id: ruleID, description: description, effect: effect, risk: risk, reason: reason, actions: actions,
            conditions: conditions, guidance: guidance, exceptions: exceptions,
            origin: PolicyOrigin(layer: layer, file: file, line: node.mark.line), raisedByEngine: raised)
        return PolicyRule(policy: policy, tests: tests, node: node)
    }

    /// A conditions map: every entry must hold. `not:` holds when its own map
    /// does not hold as a whole.
    func conditionMap(
        _ node: YAMLNode, into conditions: inout [Condition], exceptions: inout [[Condition]]
    ) throws(PolicyFileError) {
        for (key, value) in try mapping(node, "conditions", keys: PolicyDecoder.conditionKeys) {
            switch key.scalar ?? "" {
            case "not":
                var group: [Condition] = []
                var nested: [[Condition]] = []
                try conditionMap(value, into: &group, exceptions: &nested)
                if !nested.isEmpty { throw error(value, "'not' cannot contain another 'not'") }
                if group.count == 1 {
                    var single = group[0]
                    single.negated.toggle()
                    conditions.append(single)
                } else {
                    exceptions.append(group)
                }
            case "detector":
                for (id, item) in try strings(value, "detector id") {
                    guard detectors[id] != nil else {
                        throw error(item, "unknown detector '\(id)'; known detectors: \(detectors.ids.joined(separator: ", "))")
                    }
                    conditions.append(Condition(field: .resource, test: .detector(id)))
                }
            default:
                let field = ConditionField(rawValue: key.scalar ?? "")!
                try fieldTests(value, field: field, into: &conditions)
            }
        }
    }

    func fieldTests(_ node: YAMLNode, field: ConditionField, into conditions: inout [Condition]) throws(PolicyFileError) {
        for (key, value) in try mapping(node, "the \(field.rawValue) condition", keys: PolicyDecoder.operatorKeys) {
            let items = try strings(value, "pattern")
            let texts = items.map(\.0)
            let test: ConditionTest
            switch key.scalar ?? "" {
            case "matches": test = .matches(texts.map(Glob.init))
            case "startsWith": test = .startsWith(texts)
            case "contains": test = .contains(texts)
            case "equals": test = .equals(texts)
            default:
                var regexes: [LinearRegex] = []
                for (text, item) in items {
                    do {
                        regexes.append(try LinearRegex(text))
                    } catch {
                        throw self.error(item, "invalid regex: \(error.message) (byte \(error.offset + 1) of the pattern)")
                    }
                }
                test = .regex(regexes)
            }
            conditions.append(Condition(field: field, test: test))
        }
    }

    static let inputKeys = ["tool", "command", "file_path", "content", "old_string", "new_string", "url", "query", "arguments", "cwd"]

    func testCase(_ node: YAMLNode) throws(PolicyFileError) -> PolicyTestCase {
        let pairs = try mapping(node, "a test case", keys: ["input", "expect"])
        guard let inputNode = pairs.first(where: { $0.key.scalar == "input" })?.value else {
            throw error(node, "missing required key 'input' in the test case")
        }
        guard let expectNode = pairs.first(where: { $0.key.scalar == "expect" })?.value else {
            throw error(node, "missing required key 'expect' (allow, deny or ask) in the test case")
        }
        let expect = try oneOf(expectNode, "expect", PolicyDecoder.verdicts)
        var tool: String?
        var toolInput: [(key: String, value: JSONValue)] = []
        var cwd: JSONValue?
        var label = ""
        for (key, value) in try mapping(inputNode, "a test input", keys: PolicyDecoder.inputKeys) {
            let name = key.scalar ?? ""
            switch name {
            case "tool": tool = try string(value, "tool")
            case "cwd": cwd = .string(try string(value, "cwd"))
            case "arguments":
                guard case let .mapping(members) = value.value else { throw error(value, "expected arguments as a mapping") }
                for member in members { toolInput.append((key: member.key.scalar ?? "", value: PolicyDecoder.json(member.value))) }
            default:
                let text = try string(value, name)
                toolInput.append((key: name, value: .string(text)))
                if label.isEmpty, ["command", "file_path", "url", "query"].contains(name) { label = text }
            }
        }
        guard let tool else { throw error(inputNode, "missing required key 'tool' in the test input (Bash, Read, Write, Edit, WebFetch, mcp__server__tool)") }
        var payload: [(key: String, value: JSONValue)] = [
            (key: "hook_event_name", value: .string("PreToolUse")), (key: "tool_name", value: .string(tool)),
            (key: "tool_input", value: .object(toolInput)),
        ]
        if let cwd { payload.append((key: "cwd", value: cwd)) }
        return PolicyTestCase(payload: .object(payload), expect: expect, mark: node.mark, label: tool + (label.isEmpty ? "" : " " + label))
    }

    /// MCP arguments as JSON; scalars stay strings.
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.value {
        case let .scalar(text, _): .string(text)
        case let .sequence(items): .array(items.map(json))
        case let .mapping(pairs): .object(pairs.map { (key: $0.key.scalar ?? "", value: json($0.value)) })
        }
    }

    /// The key within edit distance 2 of a typo, for "did you mean".
    static func closest(_ key: String, in keys: [String]) -> String? {
        let a = Array(key.lowercased().utf8)
        var best: (String, Int)?
        for candidate in keys {
            let b = Array(candidate.lowercased().utf8)
            guard abs(a.count - b.count) <= 2, a.count < 64 else { continue }
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            let distance = row[b.count]
            if distance <= 2, distance < (best?.1 ?? 3) { best = (candidate, distance) }
        }
        return best?.0
    }
}
