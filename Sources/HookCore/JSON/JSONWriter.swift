/// Compact JSON encoding. Non-ASCII text is written as UTF-8; control
/// characters are escaped so a record is always exactly one line.
public extension JSONValue {
    var jsonText: String {
        var out = ""
        out.reserveCapacity(256)
        JSONValue.write(self, into: &out)
        return out
    }

    /// Two-space indented encoding with sorted-as-given keys, for generated files
    /// that people read and that must be byte-for-byte reproducible.
    func prettyText(indent: String = "") -> String {
        switch self {
        case let .array(items) where !items.isEmpty:
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.prettyText(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case let .object(members) where !members.isEmpty:
            let inner = indent + "  "
            return "{\n" + members.map { member in
                var key = ""
                JSONValue.writeString(member.key, into: &key)
                return inner + key + ": " + member.value.prettyText(indent: inner)
            }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return jsonText
        }
    }

    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): writeString(s, into: &out)
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                writeString(member.key, into: &out)
                out += ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { needsEscape = true; break }
        if !needsEscape {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case let c where c.value < 0x20:
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
