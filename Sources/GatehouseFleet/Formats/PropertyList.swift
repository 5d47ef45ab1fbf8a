import HookCore

/// XML property lists from JSON values, for macOS configuration profiles.
public enum PropertyList {
    public static func document(_ root: JSONValue) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        \(element(root, indent: ""))
        </plist>

        """
    }

    public static func element(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "\t"
        switch value {
        case .null: return indent + "<string></string>"
        case .bool(let b): return indent + (b ? "<true/>" : "<false/>")
        case .number(let n): return indent + (n.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? "<real>\(n)</real>" : "<integer>\(n)</integer>")
        case .string(let s): return indent + "<string>\(escape(s))</string>"
        case .array(let items):
            if items.isEmpty { return indent + "<array/>" }
            return ([indent + "<array>"] + items.map { element($0, indent: inner) } + [indent + "</array>"]).joined(separator: "\n")
        case .object(let members):
            if members.isEmpty { return indent + "<dict/>" }
            var lines = [indent + "<dict>"]
            for member in members {
                lines.append(inner + "<key>\(escape(member.key))</key>")
                lines.append(element(member.value, indent: inner))
            }
            lines.append(indent + "</dict>")
            return lines.joined(separator: "\n")
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A stable UUID from a name, so a re-rendered profile keeps its identity (and
/// the committed templates are reproducible). Shaped as a version-5-style UUID.
public func stableUUID(_ name: String) -> String {
    let hex = Array(Digest.sha256Hex(Array(("gatehouse-fleet:" + name).utf8)).uppercased())
    var chars = Array(hex[0..<32])
    chars[12] = "5"
    chars[16] = ["8", "9", "A", "B"][Int(String(chars[16]), radix: 16)! & 3]
    let s = String(chars)
    func part(_ a: Int, _ b: Int) -> Substring { s.dropFirst(a).prefix(b - a) }
    return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
}
