/// Requests to a cloud instance-metadata service, the usual SSRF target for
/// stealing instance credentials. Hosts are parsed, not grepped, so every
/// spelling the resolver accepts counts: `169.254.169.254`, `2852039166`,
/// `0xa9fea9fe`, `0251.0376.0251.0376`, `[::ffff:a9fe:a9fe]`,
/// `169.254.169.254.nip.io`, `metadata.google.internal`, `100.100.100.200`.
struct CloudMetadataDetector: SubjectDetector {
    enum Service: Sendable { case linkLocal, gcpName, alibaba, ecs, awsIPv6 }

    let id: String
    // An array, not a Set: at most five, and no Hashable lookup at start-up.
    let services: [Service]

    static let all: [any SubjectDetector] = [
        CloudMetadataDetector(id: "network.cloud-metadata", services: [.linkLocal, .gcpName, .alibaba, .ecs, .awsIPv6]),
        CloudMetadataDetector(id: "network.metadata-link-local", services: [.linkLocal]),
        CloudMetadataDetector(id: "network.metadata-gcp", services: [.gcpName]),
        CloudMetadataDetector(id: "network.metadata-alibaba", services: [.alibaba]),
        CloudMetadataDetector(id: "network.metadata-ecs", services: [.ecs]),
        CloudMetadataDetector(id: "network.metadata-aws-ipv6", services: [.awsIPv6]),
    ]

    /// Programs that only search or print text: an address in their
    /// arguments is a pattern or a message, not a request.
    static let textTools: Set<String> = [
        "grep", "egrep", "fgrep", "rg", "ag", "ack", "git", "echo", "printf", "man", "sed", "nslookup", "dig", "host", "whois",
    ]

    func matches(_ subject: Subject, home: String?) -> Bool {
        switch subject.action {
        case .executeShell:
            guard let command = subject.command, !CloudMetadataDetector.textTools.contains(command.program) else { return false }
            return command.arguments.contains(where: scan) || command.redirections.contains { scan($0.target) }
                || command.assignments.values.contains(where: scan)
        case .readWebFetch, .readWebSearch:
            return scan(subject.resource)
        case .invokeMCP:
            return scan(subject.content)
        default:
            return false
        }
    }

    /// Checks the word as a host or URL, then every `://` inside it.
    func scan(_ text: String) -> Bool {
        guard CloudMetadataDetector.mayNameAService(text) else { return false }
        if text.utf8.count > 65_536 { return scanLong(text) }
        let bytes = Array(text.utf8)
        if let service = CloudMetadataDetector.service(ofAuthorityAt: 0, in: bytes), services.contains(service) { return true }
        var index = 0
        while index + 3 <= bytes.count {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                if let service = CloudMetadataDetector.service(ofAuthorityAt: index + 3, in: bytes), services.contains(service) {
                    return true
                }
            }
            index += 1
        }
        // Hosts inside code or headers without a scheme: quoted or spaced words.
        var start = 0
        for position in 0...bytes.count where position == bytes.count || CloudMetadataDetector.isSeparator(bytes[position]) {
            if position > start, start > 0 || position < bytes.count,
               CloudMetadataDetector.mayNameAService(bytes[start..<position]), let service = CloudMetadataDetector.service(ofAuthorityAt: 0, in: Array(bytes[start..<position])),
               services.contains(service) {
                return true
            }
            start = position + 1
        }
        return false
    }

    /// Every address form (dotted, decimal, 0x hex, octal, IPv6 with a9fe or
    /// fd00:ec2) holds a decimal digit, and every name form says "metadata" or
    /// "instance-data": text with neither is rejected without parsing.
    static func mayNameAService(_ text: String) -> Bool {
        // Most words fail this test: read them in place, no byte array.
        var text = text
        return text.withUTF8 { mayNameAService($0) }
    }

    static func mayNameAService<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        for byte in bytes where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        return containsIgnoringCase(bytes, "metadata") || containsIgnoringCase(bytes, "instance-data")
    }

    static func containsIgnoringCase<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ needle: StaticString) -> Bool
    where Bytes.Index == Int {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return needle.withUTF8Buffer { word in
            for start in bytes.startIndex...(bytes.endIndex - count) {
                var equal = true
                for k in 0..<count where bytes[start + k] | 0x20 != word[k] {
                    equal = false
                    break
                }
                if equal { return true }
            }
            return false
        }
    }

    private func scanLong(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (services.contains(.linkLocal) && lower.contains("169.254.169.254"))
            || (services.contains(.gcpName) && lower.contains("metadata.google.internal"))
            || (services.contains(.alibaba) && lower.contains("100.100.100.200"))
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// The host of `[user@]host[:port][/path]` starting at `start`.
    static func service(ofAuthorityAt start: Int, in bytes: [UInt8]) -> Service? {
        var end = start
        while end < bytes.count, ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: " "),
                                   UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "$"),
                                   UInt8(ascii: "`"), UInt8(ascii: ")")].contains(bytes[end]) {
            end += 1
        }
        var authority = Array(bytes[start..<end])
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = Array(authority[(at + 1)...]) }
        guard !authority.isEmpty, authority.count < 300 else { return nil }
        var host: [UInt8]
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = Array(authority[1..<close])
            return ipv6Service(String(decoding: host, as: UTF8.self).lowercased())
        }
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            // A bare IPv6 literal has several colons; a port has one.
            if authority.filter({ $0 == UInt8(ascii: ":") }).count > 1 {
                return ipv6Service(String(decoding: authority, as: UTF8.self).lowercased())
            }
            host = Array(authority[..<colon])
        } else {
            host = authority
        }
        while host.last == UInt8(ascii: ".") { host.removeLast() }
        let name = String(decoding: host, as: UTF8.self).lowercased()
        return hostService(name)
    }

    static func hostService(_ name: String) -> Service? {
        if name == "metadata.google.internal" || name == "metadata.goog" || name.hasSuffix(".metadata.google.internal") {
            return .gcpName
        }
        if name == "instance-data" || name == "instance-data.ec2.internal" { return .linkLocal }
        if let address = ipv4(name) { return ipv4Service(address) }
        // Wildcard DNS services resolve `169.254.169.254.nip.io` to the address inside it.
        for suffix in [".nip.io", ".sslip.io", ".xip.io", ".traefik.me", ".localtest.me"] where name.hasSuffix(suffix) {
            let inner = String(name.dropLast(suffix.count))
            let parts = inner.split(separator: ".")
            for offset in 0..<parts.count where parts.count - offset >= 4 || parts.count - offset == 1 {
                let candidate = parts[offset...].joined(separator: ".")
                if let address = ipv4(candidate) ?? ipv4(candidate.replacingDashes()), let service = ipv4Service(address) {
                    return service
                }
            }
        }
        return nil
    }

    static func ipv4Service(_ address: UInt32) -> Service? {
        switch address {
        case 0xA9FE_A9FE: return .linkLocal          // 169.254.169.254
        case 0xA9FE_AA02: return .ecs                // 169.254.170.2
        case 0xA9FE_AA17: return .ecs                // 169.254.170.23 (EKS pod identity)
        case 0x6464_64C8: return .alibaba            // 100.100.100.200
        default: return nil
        }
    }

    /// inet_aton rules: one to four parts, each decimal, `0x` hex or `0` octal.
    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return nil }
            values.append(value)
        }
        var result: UInt64 = 0
        for (index, value) in values.dropLast().enumerated() {
            guard value <= 0xFF else { return nil }
            result |= value << (8 * (3 - UInt64(index)))
        }
        let last = values[values.count - 1]
        let remainingBits = UInt64(8 * (5 - values.count))
        guard remainingBits >= 64 || last < (1 << remainingBits) else { return nil }
        return UInt32(truncatingIfNeeded: result | last)
    }

    static func number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.count <= 12 else { return nil }
        let lower = part.lowercased()
        if lower.hasPrefix("0x") { return lower.count == 2 ? 0 : UInt64(lower.dropFirst(2), radix: 16) }
        if lower.count > 1, lower.hasPrefix("0") { return UInt64(lower.dropFirst(), radix: 8) }
        return UInt64(lower, radix: 10)
    }

    static func ipv6Service(_ text: String) -> Service? {
        var host = text
        if let percent = host.firstIndex(of: "%") { host = String(host[..<percent]) }
        let groups = expandIPv6(host)
        guard let groups else { return nil }
        if groups == [0xFD00, 0x0EC2, 0, 0, 0, 0, 0, 0x0254] { return .awsIPv6 }
        // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
        let mapped = groups[0..<5].allSatisfy { $0 == 0 } && (groups[5] == 0xFFFF || groups[5] == 0)
        let nat64 = groups[0] == 0x64 && groups[1] == 0xFF9B && groups[2..<6].allSatisfy { $0 == 0 }
        guard mapped || nat64 else { return nil }
        return ipv4Service(UInt32(groups[6]) << 16 | UInt32(groups[7]))
    }

    static func expandIPv6(_ text: String) -> [UInt16]? {
        var head: [UInt16] = [], tail: [UInt16] = []
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func parse(_ part: String, into groups: inout [UInt16]) -> Bool {
            guard !part.isEmpty else { return true }
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                if piece.contains("."), let v4 = ipv4(String(piece)) {
                    groups.append(UInt16(v4 >> 16)); groups.append(UInt16(v4 & 0xFFFF))
                } else if let value = UInt16(piece, radix: 16), piece.count <= 4 {
                    groups.append(value)
                } else {
                    return false
                }
            }
            return true
        }
        guard parse(halves[0], into: &head) else { return nil }
        if halves.count == 2 { guard parse(halves[1], into: &tail) else { return nil } }
        let missing = 8 - head.count - tail.count
        if halves.count == 1 { return missing == 0 ? head : nil }
        guard missing >= 1 else { return nil }
        return head + Array(repeating: 0, count: missing) + tail
    }
}

extension String {
    /// Splits on the first `::` only (IPv6 zero-run shorthand).
    fileprivate func components(separatedByDoubleColon: ()) -> [String] {
        let bytes = Array(utf8)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":") {
                let rest = String(decoding: bytes[(index + 2)...], as: UTF8.self)
                if rest.contains("::") { return ["", "", ""] }
                return [String(decoding: bytes[..<index], as: UTF8.self), rest]
            }
            index += 1
        }
        return [self]
    }

    /// `169-254-169-254` (sslip.io's dashed form) -> `169.254.169.254`.
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? "." : $0 })
    }
}
