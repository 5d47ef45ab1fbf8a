/// A block of lines Gatehouse owns inside a user's text file (config.toml),
/// fenced by marker comments so it can be replaced or removed later while
/// every other line, comment and blank stays exactly as the user wrote it.
public struct ManagedTextBlock: Sendable {
    public var begin: String
    public var end: String

    public init(name: String) {
        begin = "# >>> \(name) (managed by \(name); edit outside this block) >>>"
        end = "# <<< \(name) <<<"
    }

    /// The text with the block set to `body` (appended when absent).
    public func upsert(_ body: String, into text: String) -> String {
        let block = begin + "\n" + body + (body.hasSuffix("\n") ? "" : "\n") + end + "\n"
        if let range = find(in: text) {
            return String(text[..<range.lowerBound]) + block + String(text[range.upperBound...])
        }
        guard !text.isEmpty else { return block }
        return text + (text.hasSuffix("\n") ? "" : "\n") + "\n" + block
    }

    /// The text without the block (and without the blank line upsert added).
    public func remove(from text: String) -> String {
        guard let range = find(in: text) else { return text }
        var before = String(text[..<range.lowerBound])
        if before.hasSuffix("\n\n") { before.removeLast() }
        return before + String(text[range.upperBound...])
    }

    public func contains(_ text: String) -> Bool { find(in: text) != nil }

    /// The lines between the markers, if the block is present.
    public func body(in text: String) -> String? {
        guard let range = find(in: text) else { return nil }
        let inner = text[range].dropFirst(begin.count + 1)
        guard let stop = inner.firstRange(of: end) else { return nil }
        return String(inner[..<stop.lowerBound])
    }

    /// The text outside the block, for checks against the user's own content.
    public func outside(_ text: String) -> String { remove(from: text) }

    func find(in text: String) -> Range<String.Index>? {
        guard let start = text.firstRange(of: begin), let stop = text[start.upperBound...].firstRange(of: end) else {
            return nil
        }
        var upper = stop.upperBound
        if upper < text.endIndex, text[upper] == "\n" { upper = text.index(after: upper) }
        return start.lowerBound..<upper
    }
}
