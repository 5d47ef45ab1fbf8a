/// PEM private key blocks: `-----BEGIN <label> PRIVATE KEY-----` (RSA, EC, DSA,
/// OPENSSH, ENCRYPTED, plain PKCS#8) and `-----BEGIN PGP PRIVATE KEY BLOCK-----`,
/// through the `-----END …-----` line. The whole block is one hit.
///
/// The body between the lines must look like a key body: base64 lines,
/// separated by line breaks (real ones or the `\n` escapes of JSON-encoded
/// text) or, when the key was flattened onto one line, by spaces or nothing,
/// with up to a few `Name: value` header lines first (`Proc-Type:`,
/// `DEK-Info:`, PGP `Version:`). So a BEGIN never swallows unrelated text up
/// to some far-away END.
///
/// A block with no END (output cut by `head`, a size limit, a pager) is still
/// redacted through its last base64 line, if it has one of 16+ characters.
public struct PrivateKeyDetector: TextDetector {
    public let type = "private_key"

    public init() {}

    static let begin = Array("-----BEGIN ".utf8)
    static let end = Array("-----END ".utf8)
    static let dashes = Array("-----".utf8)
    static let privateKey = Array("PRIVATE KEY".utf8)
    static let maxLabel = 64
    static let maxHeaderLines = 8
    static let maxHeaderLine = 256
    static let minimumTruncatedLine = 16

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstIndex(of: ASCII.dash, from: 0)
        while i < t.count {
            guard t.hasPrefix(Self.begin, at: i), let headerEnd = privateKeyHeaderEnd(t, labelStart: i + Self.begin.count) else {
                i = t.firstIndex(of: ASCII.dash, from: i + 1)
                continue
            }
            if let blockEnd = blockEnd(t, bodyStart: headerEnd) {
                findings.append(Finding(type: type, start: i, end: blockEnd))
                i = t.firstIndex(of: ASCII.dash, from: blockEnd)
            } else {
                i = t.firstIndex(of: ASCII.dash, from: headerEnd)
            }
        }
    }

    func blockEnd(_ t: ByteText, bodyStart: Int) -> Int? {
        let lines = scanBody(t, from: bodyStart, flattened: false)
        if lines.reachedEnd { return endLineEnd(t, at: lines.stop) }
        let flattened = scanBody(t, from: bodyStart, flattened: true)
        if flattened.reachedEnd { return endLineEnd(t, at: flattened.stop) }
        // Truncated: only a real-looking body line makes it a key, not `foo`.
        return lines.longestLine >= Self.minimumTruncatedLine ? lines.lastBody : nil
    }

    struct Body {
        /// End of the last base64 or header line.
        var lastBody: Int
        /// Where the scan stopped; the start of `-----END ` when `reachedEnd`.
        var stop: Int
        var reachedEnd: Bool
        var base64Lines: Int
        var longestLine = 0
    }

    /// Reads base64 lines until something else. Stops at any `-` that does not
    /// start the END line, so it never runs across another BEGIN: scans from
    /// successive BEGINs cover disjoint text, which keeps the detector linear.
    func scanBody(_ t: ByteText, from start: Int, flattened: Bool) -> Body {
        var body = Body(lastBody: start, stop: start, reachedEnd: false, base64Lines: 0)
        var p = start
        var headerLines = 0
        while true {
            let lineStart = skipBreak(t, from: p, flattened: flattened)
            guard lineStart > p || flattened || t.hasPrefix(Self.end, at: lineStart) else { break }
            p = lineStart
            if t.hasPrefix(Self.end, at: p) {
                body.stop = p
                body.reachedEnd = true
                return body
            }
            let lineEnd = t.runEnd(from: p) { ASCII.isBase64($0) || $0 == UInt8(ascii: "=") }
            if lineEnd > p && (flattened || endsLine(t, at: lineEnd)) {
                body.base64Lines += 1
                body.longestLine = max(body.longestLine, lineEnd - p)
            } else if body.base64Lines == 0 && headerLines < Self.maxHeaderLines, let headerEnd = headerLineEnd(t, at: p) {
                headerLines += 1
                p = headerEnd
                body.lastBody = p
                continue
            } else {
                break
            }
            p = lineEnd
            body.lastBody = p
        }
        body.stop = p
        return body
    }

    /// Skips whitespace; returns `start` unless it crossed a line break (or, in
    /// a flattened key, any whitespace at all).
    func skipBreak(_ t: ByteText, from start: Int, flattened: Bool) -> Int {
        var p = start
        var sawBreak = false
        while p < t.count {
            let b = t[p]
            if b == 0x0A {
                sawBreak = true
                p += 1
            } else if b == ASCII.space || b == 0x09 || b == 0x0D {
                if flattened { sawBreak = true }
                p += 1
            } else if b == ASCII.backslash && (t.at(p + 1) == UInt8(ascii: "n") || t.at(p + 1) == UInt8(ascii: "r")) {
                if t.at(p + 1) == UInt8(ascii: "n") { sawBreak = true }
                p += 2
            } else {
                break
            }
        }
        return sawBreak ? p : start
    }

    /// Whether only trailing blanks stand between `p` and a line break, the
    /// END line or the end of the text.
    func endsLine(_ t: ByteText, at p: Int) -> Bool {
        let q = t.runEnd(from: p) { $0 == ASCII.space || $0 == 0x09 || $0 == 0x0D }
        return q >= t.count || skipBreak(t, from: q, flattened: false) > q || t.hasPrefix(Self.end, at: q)
    }

    /// `Name: value` up to the line end.
    func headerLineEnd(_ t: ByteText, at p: Int) -> Int? {
        let nameEnd = t.runEnd(from: p, limit: 32) { ASCII.isAlnum($0) || $0 == ASCII.dash }
        guard nameEnd > p, t.at(nameEnd) == UInt8(ascii: ":") else { return nil }
        let end = t.runEnd(from: nameEnd, limit: Self.maxHeaderLine) { $0 != 0x0A && $0 != 0x0D && $0 != ASCII.backslash }
        return end
    }

    /// The end of `<label>-----` when the label says PRIVATE KEY.
    func privateKeyHeaderEnd(_ t: ByteText, labelStart: Int) -> Int? {
        let labelEnd = t.runEnd(from: labelStart, limit: Self.maxLabel) { ASCII.isUpperAlnum($0) || $0 == ASCII.space }
        guard t.hasPrefix(Self.dashes, at: labelEnd) else { return nil }
        var k = labelStart
        while k + Self.privateKey.count <= labelEnd {
            if t.hasPrefix(Self.privateKey, at: k) { return labelEnd + Self.dashes.count }
            k += 1
        }
        return nil
    }

    /// The end of `-----END <label>-----`, or of `-----END ` when the label is mangled.
    func endLineEnd(_ t: ByteText, at start: Int) -> Int {
        let labelStart = start + Self.end.count
        let labelEnd = t.runEnd(from: labelStart, limit: Self.maxLabel) { ASCII.isUpperAlnum($0) || $0 == ASCII.space }
        return t.hasPrefix(Self.dashes, at: labelEnd) ? labelEnd + Self.dashes.count : labelStart
    }
}
