/// JSON Web Tokens (JWS, and five-part JWE): base64url segments joined by
/// dots, the first starting `eyJ` (base64 of `{"`, so it decodes to a JSON
/// object) and at least 10 characters long, the second at least 2, and a
/// third that may be empty (`alg: none`). Bearer tokens, session cookies and
/// id tokens all have this shape.
public struct JWTDetector: TextDetector {
    public let type = "jwt"

    public init() {}

    static let header = Array("eyJ".utf8)
    static let minimumHeader = 10
    static let minimumPayload = 2
    static let maxSegments = 5

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        // Look for the rare `J` of `eyJ` rather than the common `e`.
        var j = t.firstIndex(of: UInt8(ascii: "J"), from: 2)
        while j < t.count {
            let i = j - 2
            guard t.hasPrefix(Self.header, at: i), t.isBoundary(before: i, { ASCII.isBase64URL($0) || $0 == ASCII.dot }) else {
                j = t.firstIndex(of: UInt8(ascii: "J"), from: j + 1)
                continue
            }
            let headerEnd = t.runEnd(from: i, ASCII.isBase64URL)
            if let end = match(t, start: i, headerEnd: headerEnd) {
                findings.append(Finding(type: type, start: i, end: end))
                j = t.firstIndex(of: UInt8(ascii: "J"), from: end + 2)
            } else {
                j = t.firstIndex(of: UInt8(ascii: "J"), from: headerEnd + 2)
            }
        }
    }

    func match(_ t: ByteText, start: Int, headerEnd: Int) -> Int? {
        guard headerEnd - start >= Self.minimumHeader, t.at(headerEnd) == ASCII.dot else { return nil }
        let payloadEnd = t.runEnd(from: headerEnd + 1, ASCII.isBase64URL)
        guard payloadEnd - headerEnd - 1 >= Self.minimumPayload, t.at(payloadEnd) == ASCII.dot else { return nil }
        var end = t.runEnd(from: payloadEnd + 1, ASCII.isBase64URL)
        var segments = 3
        while segments < Self.maxSegments && t.at(end) == ASCII.dot && ASCII.isBase64URL(t.at(end + 1)) {
            end = t.runEnd(from: end + 1, ASCII.isBase64URL)
            segments += 1
        }
        return end
    }
}
