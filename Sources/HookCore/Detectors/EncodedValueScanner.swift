/// Secrets and personal data hidden in an encoding: base64 (standard or
/// URL-safe), hex, or URL percent-encoding. Each candidate run is decoded;
/// if the decoded bytes are text and the plain detectors find something in
/// them, the whole encoded run is reported under the inner finding's type.
///
/// Linear: candidate runs never overlap, each is decoded once, and decoded
/// text is scanned by the plain detectors only (no second level of decoding).
struct EncodedValueScanner {
    let detectors: [any TextDetector]

    /// Shorter runs cannot hold any value the detectors report.
    static let minimumBase64 = 16
    static let minimumHex = 16
    static let maxRun = 64 * 1024

    func scan(_ t: ByteText, into findings: inout [Finding]) {
        Self.byteClasses.withUnsafeBufferPointer { classes in
            var i = 0
            while i < t.count {
                let c = classes[Int(t[i])]
                if c & Self.base64Class != 0 {
                    // `\ndG9r…` in JSON-encoded text: the run starts after the escape.
                    if t.isEscapeLetter(at: i) { i += 1; continue }
                    let stop = Self.maxRun >= t.count - i ? t.count : i + Self.maxRun
                    var end = i + 1
                    while end < stop && classes[Int(t[end])] & Self.base64Class != 0 { end += 1 }
                    var padded = end
                    while padded < t.count && padded - end < 2 && t[padded] == UInt8(ascii: "=") { padded += 1 }
                    if end - i >= Self.minimumHex && t.isBoundary(before: i, Self.isBase64Byte) {
                        if let type = decodedFinding(t, i, end) { findings.append(Finding(type: type, start: i, end: padded)) }
                    }
                    i = padded
                } else if c & Self.percentClass != 0 {
                    // Percent-encoded text: the run of URL characters around it.
                    var start = i
                    while start > 0 && Self.isURLByte(t[start - 1]) { start -= 1 }
                    let end = t.runEnd(from: i, limit: Self.maxRun) { Self.isURLByte($0) || $0 == UInt8(ascii: "%") }
                    if let type = percentFinding(t, start, end) {
                        findings.append(Finding(type: type, start: start, end: end))
                    }
                    i = end
                } else {
                    i += 1
                }
            }
        }
    }

    static let base64Class: UInt8 = 1
    static let percentClass: UInt8 = 2

    /// One load per byte instead of a chain of range tests: this loop reads
    /// every byte of every output.
    static let byteClasses: [UInt8] = (0..<256).map { b in
        isBase64Byte(UInt8(b)) ? base64Class : UInt8(b) == UInt8(ascii: "%") ? percentClass : 0
    }

    static func isBase64Byte(_ b: UInt8) -> Bool { ASCII.isAlnum(b) || b == 0x2B || b == 0x2F || b == 0x2D || b == 0x5F }
    static func isURLByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == ASCII.dash || b == ASCII.dot || b == ASCII.underscore || b == UInt8(ascii: "~") || b == UInt8(ascii: "+")
    }

    /// Hex first (a hex run is also base64), then base64.
    func decodedFinding(_ t: ByteText, _ start: Int, _ end: Int) -> String? {
        let run = UnsafeBufferPointer(rebasing: t.bytes[start..<end])
        // `0x…` hex literals: the digits after the prefix.
        let hexStart = t[start] == UInt8(ascii: "0") && (t.at(start + 1) | 0x20) == UInt8(ascii: "x") ? start + 2 : start
        let hex = UnsafeBufferPointer(rebasing: t.bytes[hexStart..<end])
        if (end - hexStart) % 2 == 0, hex.allSatisfy(Self.isHexByte),
            Self.hexHeadIsText(hex),
            let decoded = Self.hexDecoded(hex), let type = innerType(decoded) {
            return type
        }
        guard end - start >= Self.minimumBase64 else { return nil }
        // Most long runs (paths, hashes, identifiers) decode to binary: the
        // first 12 characters tell, before the whole run is decoded.
        guard Self.base64HeadIsText(run), let decoded = Self.base64Decoded(run)
        else { return nil }
        return innerType(decoded)
    }

    func percentFinding(_ t: ByteText, _ start: Int, _ end: Int) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(end - start)
        var k = start, escapes = 0
        while k < end {
            let b = t[k]
            if b == UInt8(ascii: "%"), k + 2 < end, Self.isHexByte(t.at(k + 1)), Self.isHexByte(t.at(k + 2)) {
                decoded.append(Self.hexValue(t[k + 1]) << 4 | Self.hexValue(t[k + 2]))
                escapes += 1
                k += 3
            } else if b == UInt8(ascii: "+") {
                decoded.append(ASCII.space)
                k += 1
            } else {
                decoded.append(b)
                k += 1
            }
        }
        guard escapes > 0 else { return nil }
        return innerType(decoded)
    }

    /// The type of the longest plain finding in decoded text, if it is text.
    func innerType(_ decoded: [UInt8]) -> String? {
        guard Self.isText(decoded) else { return nil }
        return decoded.withUnsafeBufferPointer { bytes in
            var hits: [Finding] = []
            for detector in detectors { detector.scan(bytes, into: &hits) }
            return hits.max { ($0.end - $0.start) < ($1.end - $1.start) }?.type
        }
    }

    @inline(__always) static func isPrintable(_ b: UInt8) -> Bool { (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Whether the first 12 characters decode to printable bytes (no allocation).
    static func base64HeadIsText(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        var buffer: UInt32 = 0, bits = 0
        for k in 0..<min(12, run.count) {
            guard let v = base64Value(run[k]) else { return false }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                guard isPrintable(UInt8(truncatingIfNeeded: buffer >> UInt32(bits))) else { return false }
            }
        }
        return true
    }

    static func hexHeadIsText(_ hex: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k + 1 < min(8, hex.count) {
            guard isPrintable(hexValue(hex[k]) << 4 | hexValue(hex[k + 1])) else { return false }
            k += 2
        }
        return true
    }

    static func isText(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        var printable = 0
        for b in bytes where (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x0D || b == 0x09 { printable += 1 }
        return printable * 10 >= bytes.count * 9
    }

    static func isHexByte(_ b: UInt8) -> Bool { ASCII.isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    static func hexValue(_ b: UInt8) -> UInt8 { ASCII.isDigit(b) ? b - 0x30 : (b | 0x20) - 0x61 + 10 }

    static func hexDecoded(_ run: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(run.count / 2)
        var k = 0
        while k + 1 < run.count {
            out.append(hexValue(run[k]) << 4 | hexValue(run[k + 1]))
            k += 2
        }
        return out
    }

    static func base64Value(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): b - 65
        case UInt8(ascii: "a")...UInt8(ascii: "z"): b - 97 + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - 48 + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }

    static func base64Decoded(_ run: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard run.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(run.count * 3 / 4)
        var buffer: UInt32 = 0, bits = 0
        for b in run {
            guard let v = base64Value(b) else { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
