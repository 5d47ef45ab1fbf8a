/// Indonesian NIK (Nomor Induk Kependudukan): 16 digits `PPKKCC DDMMYY NNNN`
/// with a real province code, a birth day of 01–31 (41–71 for women), a
/// month 01–12 and a non-zero serial. Sixteen digits are also card and order
/// id lengths, so a NIK is reported only near a keyword (`nik`, `ktp`,
/// `kependudukan`) or under such a JSON key.
public struct IndonesianNIKDetector: TextDetector {
    public let type = "id_nik"

    public init() {}

    static let keywords = [Keyword("nik", wholeWord: true), Keyword("ktp", wholeWord: true), Keyword("kependudukan"), Keyword("e-ktp")]
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76,
        81, 82, 91, 92, 93, 94, 95, 96, 97,
    ]

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstDigit(from: 0)
        while i < t.count {
            let runEnd = t.runEnd(from: i, ASCII.isDigit)
            if runEnd - i == 16, t.standsAlone(i, runEnd), Self.isValid(t, i),
                t.hasKeyword(Self.keywords, before: i, window: 32, label: label)
            {
                findings.append(Finding(type: type, start: i, end: runEnd))
            }
            i = t.firstDigit(from: runEnd)
        }
    }

    static func isValid(_ t: ByteText, _ i: Int) -> Bool {
        func n(_ k: Int) -> Int { ASCII.digitValue(t[i + k]) * 10 + ASCII.digitValue(t[i + k + 1]) }
        let day = n(6), month = n(8)
        let serial = n(12) * 100 + n(14)
        return provinces.contains(n(0)) && n(2) > 0 && ((1...31).contains(day) || (41...71).contains(day))
            && (1...12).contains(month) && serial > 0
    }
}

/// Indonesian tax numbers (NPWP) in their printed form `12.345.678.9-012.345`
/// anywhere, and as 15 bare digits near `npwp`.
public struct IndonesianNPWPDetector: TextDetector {
    public let type = "id_npwp"

    public init() {}

    static let keywords = [Keyword("npwp")]
    /// Digit counts of the printed groups and the separator after each.
    static let layout: [(Int, UInt8)] = [(2, ASCII.dot), (3, ASCII.dot), (3, ASCII.dot), (1, ASCII.dash), (3, ASCII.dot), (3, 0)]

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, label: .empty, into: &findings)
    }

    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstDigit(from: 0)
        while i < t.count {
            let runEnd = t.runEnd(from: i, ASCII.isDigit)
            if let end = printed(t, i) ?? bare(t, i, runEnd, label) {
                findings.append(Finding(type: type, start: i, end: end))
                i = t.firstDigit(from: end)
            } else {
                i = t.firstDigit(from: runEnd)
            }
        }
    }

    func printed(_ t: ByteText, _ start: Int) -> Int? {
        guard t.isBoundary(before: start, { ASCII.isAlnum($0) || $0 == ASCII.dot || $0 == ASCII.dash }) else { return nil }
        var p = start
        for (length, separator) in Self.layout {
            for k in p..<(p + length) where !ASCII.isDigit(t.at(k)) { return nil }
            p += length
            if separator != 0 {
                guard t.at(p) == separator else { return nil }
                p += 1
            }
        }
        return t.isBoundary(after: p, { ASCII.isAlnum($0) }) && !(t.at(p) == ASCII.dot && ASCII.isDigit(t.at(p + 1))) ? p : nil
    }

    func bare(_ t: ByteText, _ start: Int, _ runEnd: Int, _ label: UnsafeBufferPointer<UInt8>) -> Int? {
        guard runEnd - start == 15, t.standsAlone(start, runEnd), t.hasKeyword(Self.keywords, before: start, window: 32, label: label)
        else { return nil }
        return runEnd
    }
}

/// Indonesian mobile numbers written the national way: `08` then a
/// mobile prefix digit 1–9 and 7–10 more digits, bare (`081234567890`) or
/// grouped with dashes or spaces (`0812-3456-7890`). International `+62…`
/// numbers are found by the phone detector.
public struct IndonesianPhoneDetector: TextDetector {
    public let type = "phone"

    public init() {}

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var i = t.firstIndex(of: UInt8(ascii: "0"), from: 0)
        while i < t.count {
            if t.at(i + 1) == UInt8(ascii: "8"), t.at(i + 2) != UInt8(ascii: "0"), ASCII.isDigit(t.at(i + 2)),
                t.isBoundary(before: i, { ASCII.isAlnum($0) || $0 == ASCII.underscore || $0 == ASCII.dot || $0 == ASCII.dash || $0 == UInt8(ascii: "+") })
            {
                let groups = DigitGroups.read(t, from: i, separators: [ASCII.space, ASCII.dash], maxDigits: 13)
                let shapeOK = groups.groupLengths.count == 1 || (groups.groupLengths[0] == 4 && groups.groupLengths.dropFirst().allSatisfy { (3...5).contains($0) })
                if (10...13).contains(groups.count), shapeOK, t.standsAlone(i, groups.end) {
                    findings.append(Finding(type: type, start: i, end: groups.end))
                    i = t.firstIndex(of: UInt8(ascii: "0"), from: groups.end)
                    continue
                }
            }
            i = t.firstIndex(of: UInt8(ascii: "0"), from: t.runEnd(from: i, ASCII.isDigit))
        }
    }
}
