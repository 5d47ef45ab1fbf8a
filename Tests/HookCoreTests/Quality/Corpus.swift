import Foundation

/// A labelled corpus file of `quality/` (`label<TAB>family<TAB>input`, `#`
/// comments, `\t` `\n` `\\` escapes).
struct Corpus {
    struct Row {
        var bad: Bool
        var family: String
        var input: String
        var line: Int
    }

    var rows: [Row]

    static var qualityDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("quality")
    }

    static func load(_ name: String) throws -> Corpus {
        let text = try String(contentsOf: qualityDirectory.appendingPathComponent(name), encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "bad" || fields[0] == "good" else {
                throw CorpusError(description: "\(name):\(index + 1): expected label<TAB>family<TAB>input")
            }
            rows.append(Row(bad: fields[0] == "bad", family: String(fields[1]), input: unescape(fields[2]), line: index + 1))
        }
        return Corpus(rows: rows)
    }

    struct CorpusError: Error, CustomStringConvertible { var description: String }

    static func unescape(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// Recall over bad rows, false-positive rate over good rows, and the rows
    /// each got wrong.
    func measure(_ flagged: (Row) -> Bool) -> (recall: Double, fpr: Double, misses: [Row], falseAlarms: [Row]) {
        var misses: [Row] = [], falseAlarms: [Row] = []
        var bad = 0, good = 0
        for row in rows {
            let hit = flagged(row)
            if row.bad { bad += 1; if !hit { misses.append(row) } } else { good += 1; if hit { falseAlarms.append(row) } }
        }
        let recall = bad == 0 ? 1 : Double(bad - misses.count) / Double(bad)
        let fpr = good == 0 ? 0 : Double(falseAlarms.count) / Double(good)
        return (recall, fpr, misses, falseAlarms)
    }
}
