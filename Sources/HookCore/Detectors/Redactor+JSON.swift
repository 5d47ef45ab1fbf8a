extension Redactor {
    /// Redacts every string VALUE in a JSON document, at any depth. Keys,
    /// numbers, booleans and nulls are left alone, as are the shape and the
    /// key order, so the host gets back the document it sent, minus secrets.
    /// Each finding's `path` says which string it is in (`stdout`,
    /// `content[2].text`; empty for a top-level string) and its offsets are
    /// bytes into that string. A string under a key is scanned with the key
    /// as its label, so `{"ssn": "123456789"}` is caught.
    public func redact(_ value: JSONValue) -> (value: JSONValue, findings: [Finding]) {
        var findings: [Finding] = []
        var path: [JSONPathComponent] = []
        let redacted = redacted(value, label: "", path: &path, findings: &findings)
        return (redacted ?? value, findings)
    }

    /// The redacted value, or nil when nothing in it changed: clean subtrees
    /// are shared with the input instead of being copied.
    private func redacted(
        _ value: JSONValue, label: String, path: inout [JSONPathComponent], findings: inout [Finding], extra: [Finding] = []
    ) -> JSONValue? {
        switch value {
        case let .string(text):
            let (redacted, hits) = redact(text, label: label, extra: extra)
            guard !hits.isEmpty else { return nil }
            let rendered = JSONPathComponent.render(path)
            for var hit in hits {
                hit.path = rendered
                findings.append(hit)
            }
            return .string(redacted)
        case let .array(items):
            var changed: [JSONValue]?
            let split = splitValueFindings(items, label: label)
            for index in items.indices {
                path.append(.index(index))
                if let item = redacted(items[index], label: label, path: &path, findings: &findings, extra: split[index] ?? []) {
                    if changed == nil { changed = items }
                    changed![index] = item
                }
                path.removeLast()
            }
            return changed.map { .array($0) }
        case let .object(members):
            var changed: [(key: String, value: JSONValue)]?
            for index in members.indices {
                let key = members[index].key
                path.append(.key(key))
                if let member = redacted(members[index].value, label: key, path: &path, findings: &findings) {
                    if changed == nil { changed = members }
                    changed![index].value = member
                }
                path.removeLast()
            }
            return changed.map { .object($0) }
        case .null, .bool, .number:
            return nil
        }
    }
}

/// One step of a finding's path. Rendered like a JavaScript accessor:
/// `content[2].text`; a key that is not a plain identifier is quoted,
/// `headers["x-api-key"]`, so paths stay unambiguous.
enum JSONPathComponent {
    case key(String)
    case index(Int)

    static func render(_ path: [JSONPathComponent]) -> String {
        var out = ""
        for component in path {
            switch component {
            case let .index(index):
                out += "[" + String(index) + "]"
            case let .key(key) where isIdentifier(key):
                if !out.isEmpty { out += "." }
                out += key
            case let .key(key):
                out += "["
                JSONValue.writeString(key, into: &out)
                out += "]"
            }
        }
        return out
    }

    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !ASCII.isDigit(first) else { return false }
        return key.utf8.allSatisfy { ASCII.isAlnum($0) || $0 == ASCII.underscore || $0 == UInt8(ascii: "$") }
    }
}
