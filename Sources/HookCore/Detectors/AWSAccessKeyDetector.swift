/// AWS access key ids: `AKIA` (long-term), `ASIA` (temporary), `ABIA`, `ACCA`
/// followed by 16 uppercase letters or digits, as a whole word. Real ids use
/// base32 (`A-Z2-7`), but the wider `A-Z0-9` costs nothing in precision.
public struct AWSAccessKeyDetector: TextDetector {
    public let type = "aws_access_key"

    public init() {}

    static let secondToFourth: [[UInt8]] = ["KIA", "SIA", "BIA", "CCA"].map { Array($0.utf8) }
    static let length = 20

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstIndex(of: UInt8(ascii: "A"), from: 0)
        while i + Self.length <= t.count {
            if let end = match(t, at: i) {
                findings.append(Finding(type: type, start: i, end: end))
                i = t.firstIndex(of: UInt8(ascii: "A"), from: end)
            } else {
                i = t.firstIndex(of: UInt8(ascii: "A"), from: i + 1)
            }
        }
    }

    func match(_ t: ByteText, at i: Int) -> Int? {
        guard Self.secondToFourth.contains(where: { t.hasPrefix($0, at: i + 1) }),
            t.isBoundary(before: i, ASCII.isAlnum)
        else { return nil }
        let end = i + Self.length
        guard t.runEnd(from: i + 4, limit: 16, ASCII.isUpperAlnum) == end, t.isBoundary(after: end, ASCII.isAlnum) else {
            return nil
        }
        return end
    }
}
