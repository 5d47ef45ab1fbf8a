import Foundation
import HookCore

/// One way a document breaks its schema: where (a JSON pointer) and what.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    public var pointer: String
    public var message: String
    public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
}

/// A JSON Schema (draft-07) validator covering the keywords the published host
/// schemas use. `format` is an annotation only, as in draft-07's default.
/// Remote `$ref`s are not followed: the vendored schemas only refer to themselves.
public struct JSONSchema: Sendable {
    public let root: JSONValue

    public init(root: JSONValue) { self.root = root }

    public static func load(path: String) throws -> JSONSchema {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FleetError("cannot read schema \(path)")
        }
        do { return JSONSchema(root: try JSONParser.parse(bytes: Array(data))) } catch {
            throw FleetError("\(path): \(error)")
        }
    }

    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var run = ValidationRun(root: root)
        run.check(root, instance, at: "")
        return run.violations
    }
}

private struct ValidationRun {
    let root: JSONValue
    var violations: [SchemaViolation] = []
    var regexes: [String: NSRegularExpression] = [:]

    init(root: JSONValue) { self.root = root }

    mutating func fail(_ pointer: String, _ message: String) {
        violations.append(SchemaViolation(pointer: pointer, message: message))
    }

    /// Whether `instance` passes `schema`, without recording anything.
    mutating func passes(_ schema: JSONValue, _ instance: JSONValue, at pointer: String) -> Bool {
        let saved = violations
        violations = []
        check(schema, instance, at: pointer)
        let ok = violations.isEmpty
        violations = saved
        return ok
    }

    mutating func check(_ schema: JSONValue, _ instance: JSONValue, at pointer: String) {
        switch schema {
        case .bool(true): return
        case .bool(false): fail(pointer, "no value is allowed here"); return
        case .object: break
        default: return
        }
        if let ref = schema["$ref"]?.stringValue {
            // Draft-07: a $ref replaces its siblings.
            guard let target = resolve(ref) else { fail(pointer, "unresolvable $ref \(ref)"); return }
            check(target, instance, at: pointer)
            return
        }
        checkGeneric(schema, instance, at: pointer)
        switch instance {
        case .string(let s): checkString(schema, s, at: pointer)
        case .number(let n): checkNumber(schema, n, at: pointer)
        case .array(let items): checkArray(schema, items, at: pointer)
        case .object(let members): checkObject(schema, members, at: pointer)
        default: break
        }
        checkCombinators(schema, instance, at: pointer)
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for raw in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let token = String(raw).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            let decoded = token.removingPercentEncoding ?? token
            if let next = node[decoded] { node = next; continue }
            if let items = node.arrayValue, let index = Int(decoded), items.indices.contains(index) { node = items[index]; continue }
            return nil
        }
        return node
    }

    mutating func checkGeneric(_ schema: JSONValue, _ instance: JSONValue, at pointer: String) {
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            if !allowed.contains(where: { Self.hasType(instance, $0) }) {
                fail(pointer, "expected \(allowed.joined(separator: " or ")), found \(Self.typeName(instance))")
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(where: { Self.equal($0, instance) }) {
            fail(pointer, "\(instance.jsonText) is not one of \(JSONValue.array(options).jsonText)")
        }
        if let constant = schema["const"], !Self.equal(constant, instance) {
            fail(pointer, "expected \(constant.jsonText)")
        }
    }

    mutating func checkString(_ schema: JSONValue, _ s: String, at pointer: String) {
        let length = s.unicodeScalars.count
        if let min = Self.int(schema["minLength"]), length < min { fail(pointer, "shorter than \(min) characters") }
        if let max = Self.int(schema["maxLength"]), length > max { fail(pointer, "longer than \(max) characters") }
        if let pattern = schema["pattern"]?.stringValue, !matches(pattern, s) {
            fail(pointer, "\"\(s)\" does not match \(pattern)")
        }
    }

    mutating func checkNumber(_ schema: JSONValue, _ text: String, at pointer: String) {
        guard let n = Double(text) else { return }
        if let m = Self.double(schema["minimum"]), n < m { fail(pointer, "\(text) is below the minimum \(m)") }
        if let m = Self.double(schema["maximum"]), n > m { fail(pointer, "\(text) is above the maximum \(m)") }
        if let m = Self.double(schema["exclusiveMinimum"]), n <= m { fail(pointer, "\(text) must be above \(m)") }
        if let m = Self.double(schema["exclusiveMaximum"]), n >= m { fail(pointer, "\(text) must be below \(m)") }
        if let m = Self.double(schema["multipleOf"]), m > 0, (n / m).rounded() != n / m { fail(pointer, "\(text) is not a multiple of \(m)") }
    }

    mutating func checkArray(_ schema: JSONValue, _ items: [JSONValue], at pointer: String) {
        if let min = Self.int(schema["minItems"]), items.count < min { fail(pointer, "fewer than \(min) items") }
        if let max = Self.int(schema["maxItems"]), items.count > max { fail(pointer, "more than \(max) items") }
        if schema["uniqueItems"]?.boolValue == true {
            for i in items.indices { for j in items.indices where j > i && Self.equal(items[i], items[j]) {
                fail(pointer, "items \(i) and \(j) are equal"); return
            } }
        }
        if let tuple = schema["items"]?.arrayValue {
            for (i, item) in items.enumerated() {
                if i < tuple.count { check(tuple[i], item, at: pointer + "/\(i)") }
                else if let extra = schema["additionalItems"] { check(extra, item, at: pointer + "/\(i)") }
            }
        } else if let each = schema["items"] {
            for (i, item) in items.enumerated() { check(each, item, at: pointer + "/\(i)") }
        }
        if let contains = schema["contains"] {
            var found = false
            for (i, item) in items.enumerated() where passes(contains, item, at: pointer + "/\(i)") { found = true; break }
            if !found { fail(pointer, "no item matches the required item schema") }
        }
    }

    mutating func checkObject(_ schema: JSONValue, _ members: [(key: String, value: JSONValue)], at pointer: String) {
        let keys = members.map(\.key)
        if let min = Self.int(schema["minProperties"]), members.count < min { fail(pointer, "fewer than \(min) properties") }
        if let max = Self.int(schema["maxProperties"]), members.count > max { fail(pointer, "more than \(max) properties") }
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !keys.contains(name) {
            fail(pointer, "missing required property \"\(name)\"")
        }
        let properties = schema["properties"]?.objectMembers ?? []
        let patterns = schema["patternProperties"]?.objectMembers ?? []
        for member in members {
            let child = pointer + "/" + member.key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            var covered = false
            if let sub = properties.first(where: { $0.key == member.key }) { covered = true; check(sub.value, member.value, at: child) }
            for pattern in patterns where matches(pattern.key, member.key) { covered = true; check(pattern.value, member.value, at: child) }
            if !covered, let extra = schema["additionalProperties"] {
                if case .bool(false) = extra { fail(pointer, "property \"\(member.key)\" is not allowed here") }
                else { check(extra, member.value, at: child) }
            }
            if let names = schema["propertyNames"], !passes(names, .string(member.key), at: child) {
                fail(child, "property name \"\(member.key)\" is not allowed")
            }
        }
        for dependency in schema["dependencies"]?.objectMembers ?? [] where keys.contains(dependency.key) {
            if let names = dependency.value.arrayValue {
                for name in names.compactMap(\.stringValue) where !keys.contains(name) {
                    fail(pointer, "\"\(dependency.key)\" needs \"\(name)\"")
                }
            } else {
                check(dependency.value, .object(members), at: pointer)
            }
        }
    }

    mutating func checkCombinators(_ schema: JSONValue, _ instance: JSONValue, at pointer: String) {
        for sub in schema["allOf"]?.arrayValue ?? [] { check(sub, instance, at: pointer) }
        if let options = schema["anyOf"]?.arrayValue, !options.contains(where: { passes($0, instance, at: pointer) }) {
            fail(pointer, "matches none of the \(options.count) allowed forms\(hint(options, instance, at: pointer))")
        }
        if let options = schema["oneOf"]?.arrayValue {
            let count = options.filter { passes($0, instance, at: pointer) }.count
            if count != 1 { fail(pointer, count == 0 ? "matches none of the \(options.count) allowed forms\(hint(options, instance, at: pointer))" : "matches \(count) forms where exactly one is allowed") }
        }
        if let not = schema["not"], passes(not, instance, at: pointer) { fail(pointer, "matches a form that is not allowed") }
        if let condition = schema["if"] {
            if passes(condition, instance, at: pointer) { if let then = schema["then"] { check(then, instance, at: pointer) } }
            else if let otherwise = schema["else"] { check(otherwise, instance, at: pointer) }
        }
    }

    /// For a failed anyOf/oneOf: the problems of the closest form, so the message says what to fix.
    mutating func hint(_ options: [JSONValue], _ instance: JSONValue, at pointer: String) -> String {
        var best: [SchemaViolation]?
        for option in options {
            let saved = violations
            violations = []
            check(option, instance, at: pointer)
            if best == nil || violations.count < best!.count { best = violations }
            violations = saved
        }
        guard let best, let first = best.first else { return "" }
        return " (closest: \(first))"
    }

    mutating func matches(_ pattern: String, _ text: String) -> Bool {
        let regex: NSRegularExpression
        if let cached = regexes[pattern] { regex = cached } else {
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { return true }
            regexes[pattern] = compiled
            regex = compiled
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func hasType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .number): return true
        case ("integer", .number(let n)): return Double(n).map { $0.rounded() == $0 } ?? false
        default: return false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// JSON equality: numbers by value, objects regardless of key order.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return Double(x) == Double(y)
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (.object(x), .object(y)):
            return x.count == y.count && x.allSatisfy { m in y.contains { $0.key == m.key && equal($0.value, m.value) } }
        default: return a == b
        }
    }

    static func int(_ value: JSONValue?) -> Int? { double(value).map { Int($0) } }
    static func double(_ value: JSONValue?) -> Double? {
        if case .number(let n)? = value { return Double(n) }
        return nil
    }
}
