extension Redactor {
    /// Values split across adjacent string elements of an array
    /// (`["4111 1111", " 1111 1111"]`, a token streamed in chunks): each run
    /// of adjacent strings is joined and scanned once, and every finding that
    /// crosses an element boundary is handed back, per element, as the part
    /// of it that element holds. Findings inside one element are left to that
    /// element's own scan.
    func splitValueFindings(_ items: [JSONValue], label: String) -> [Int: [Finding]] {
        var result: [Int: [Finding]] = [:]
        var index = 0
        while index < items.count {
            guard case .string = items[index] else { index += 1; continue }
            var run: [(index: Int, text: String)] = []
            while index < items.count, case let .string(text) = items[index] {
                run.append((index, text))
                index += 1
            }
            guard run.count >= 2 else { continue }
            var starts: [Int] = []
            var joined = ""
            for part in run {
                starts.append(joined.utf8.count)
                joined += part.text
            }
            let total = joined.utf8.count
            var cache: [Int: [Finding]] = [:]
            func local(_ element: Int) -> [Finding] {
                if let known = cache[element] { return known }
                guard case let .string(value) = items[element] else { return [] }
                var text = value, label = label
                let found = text.withUTF8 { bytes in label.withUTF8 { findings(in: bytes, label: $0) } }
                cache[element] = found
                return found
            }
            var found: [Finding] = []
            var label = label
            joined.withUTF8 { bytes in
                label.withUTF8 { labelBytes in found = findings(in: bytes, label: labelBytes) }
            }
            for finding in found {
                // Which elements does it touch?
                var touched: [(Int, Int, Int)] = []  // element, start, end within it
                for (k, part) in run.enumerated() {
                    let lower = starts[k], upper = k + 1 < run.count ? starts[k + 1] : total
                    let s = max(finding.start, lower), e = min(finding.end, upper)
                    if s < e { touched.append((part.index, s - lower, e - lower)) }
                }
                guard touched.count >= 2 else { continue }
                // A value whole inside one element, merely extended by its
                // neighbour's bytes (`"x"` + `"me@example.com"`), is that element's own.
                let explained = touched.contains { element, s, e in
                    local(element).contains { $0.start < e && s < $0.end }
                }
                guard !explained else { continue }
                for (element, s, e) in touched {
                    result[element, default: []].append(Finding(type: finding.type, start: s, end: e))
                }
            }
        }
        return result
    }
}
