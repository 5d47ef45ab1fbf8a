/// International Bank Account Numbers: a country code, two check digits and
/// the national account number (BBAN), either contiguous (`DE89370400440532013000`)
/// or in the printed form of groups of four split by single spaces
/// (`DE89 3704 0044 0532 0130 00`). Upper case only.
///
/// Reported only when the total length is the one that country uses and the
/// ISO 7064 mod-97 check gives 1, so an uppercase token of the right shape
/// passes by chance about once in a hundred, and only at its country's length.
public struct IBANDetector: TextDetector {
    public let type = "iban"

    public init() {}

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        // Driven by digit runs: the check digits are the first run of an IBAN,
        // right after the two letters of the country code.
        var p = t.firstDigit(from: 2)
        while p < t.count {
            let runEnd = t.runEnd(from: p, ASCII.isDigit)
            if !ASCII.isDigit(t[p - 1]), let end = match(t, at: p - 2) {
                findings.append(Finding(type: type, start: p - 2, end: end))
                p = t.firstDigit(from: end + 2)
            } else {
                p = t.firstDigit(from: runEnd + 2)
            }
        }
    }

    func match(_ t: ByteText, at i: Int) -> Int? {
        guard ASCII.isUpper(t.at(i)), ASCII.isUpper(t.at(i + 1)), ASCII.isDigit(t.at(i + 2)), ASCII.isDigit(t.at(i + 3)),
            t.isBoundary(before: i, ASCII.isAlnum),
            let length = IBANLengths.length(of: t[i], t[i + 1])
        else { return nil }
        let grouped = t.at(i + 4) == ASCII.space
        var checksum = Mod97()
        var p = i + 4
        var counted = 4
        while counted < length {
            if grouped && (counted % 4 == 0) {
                guard t.at(p) == ASCII.space else { return nil }
                p += 1
            }
            let b = t.at(p)
            guard ASCII.isUpperAlnum(b) else { return nil }
            checksum.add(b)
            counted += 1
            p += 1
        }
        guard t.isBoundary(after: p, ASCII.isAlnum) else { return nil }
        // The country code and check digits count last.
        for k in i..<(i + 4) { checksum.add(t[k]) }
        return checksum.remainder == 1 ? p : nil
    }
}

/// ISO 7064 MOD 97-10 over IBAN characters, digit by digit; letters count as 10–35.
struct Mod97 {
    private(set) var remainder = 0

    mutating func add(_ b: UInt8) {
        if ASCII.isDigit(b) {
            remainder = (remainder * 10 + ASCII.digitValue(b)) % 97
        } else {
            remainder = (remainder * 100 + Int(b - UInt8(ascii: "A")) + 10) % 97
        }
    }
}

/// IBAN lengths by country, from the SWIFT IBAN registry.
enum IBANLengths {
    static let table: [UInt16: Int] = {
        let entries: [(String, Int)] = [
            ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16), ("BG", 22),
            ("BH", 22), ("BI", 27), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28), ("CZ", 24),
            ("DE", 22), ("DJ", 27), ("DK", 18), ("DO", 28), ("EE", 20), ("EG", 29), ("ES", 24), ("FI", 18),
            ("FK", 18), ("FO", 18), ("FR", 27), ("GB", 22), ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27),
            ("GT", 28), ("HN", 28), ("HR", 21), ("HU", 28), ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26),
            ("IT", 27), ("JO", 30), ("KW", 30), ("KZ", 20), ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20),
            ("LU", 20), ("LV", 21), ("LY", 25), ("MC", 27), ("MD", 24), ("ME", 22), ("MK", 19), ("MN", 20),
            ("MR", 27), ("MT", 31), ("MU", 30), ("NI", 28), ("NL", 18), ("NO", 15), ("OM", 23), ("PK", 24),
            ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22), ("RU", 33), ("SA", 24),
            ("SC", 31), ("SD", 18), ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("SO", 23), ("ST", 25),
            ("SV", 28), ("TL", 23), ("TN", 24), ("TR", 26), ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20),
            ("YE", 30),
        ]
        var table: [UInt16: Int] = [:]
        for (code, length) in entries {
            let bytes = Array(code.utf8)
            table[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = length
        }
        return table
    }()

    static func length(of first: UInt8, _ second: UInt8) -> Int? {
        table[UInt16(first) << 8 | UInt16(second)]
    }
}
