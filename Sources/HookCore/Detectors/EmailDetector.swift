/// E-mail addresses: `local@domain.tld`.
///
/// - Local part: letters, digits, `._%+-` and non-ASCII (RFC 6531 names such
///   as `jürgen`), at most 64 bytes, no leading, trailing or doubled dot. The
///   exotic RFC 5322 characters (`'`, `/`, `=`…) are left out on purpose: they
///   would swallow surrounding quotes and `key=` prefixes far more often than
///   they occur in real addresses.
/// - Domain: at least two dot-separated labels of letters, digits and `-`
///   (no label starting or ending with `-`), at most 253 bytes, ending in an
///   all-letter TLD of 2+ letters. A trailing sentence dot is not included.
/// - Rejected: `user@localhost` (no dot), `pkg@1.2.3` (numeric TLD),
///   `icon@2x.png` (a label like `2x` is an image-scale suffix), and a "TLD"
///   that is a file extension or systemd unit type and no real TLD
///   (`getty@tty1.service`, `sr@latin.po`, `root@host.localdomain`).
/// - `git@github.com:org/repo.git` IS redacted (as `[REDACTED:email]:org/repo.git`):
///   it has the form of an address, and keeping one rule for every
///   `user@host.tld` is more predictable than guessing which users are
///   service accounts. The same holds for `user:pass@db.example.com`, where
///   `pass@db.example.com` is redacted, which also hides the password.
public struct EmailDetector: TextDetector {
    public let type = "email"

    public init() {}

    static let maxLocalLength = 64
    static let maxDomainLength = 253

    /// Lowercase. Only names that are not delegated TLDs, so no real address
    /// is lost (`.mo`, `.zip`, `.java`, `.target` are real and stay).
    static let notTLDs: Set<String> = [
        "service", "socket", "timer", "mount", "automount", "path", "slice", "scope", "swap", "device",
        "po", "pot", "header", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "json", "yaml", "yml", "txt",
        "log", "swift", "js", "mjs", "jsx", "tsx", "rb", "cpp", "hpp", "kt", "lock", "toml", "xml", "html", "htm",
        "css", "scss", "gz", "tgz", "xz", "conf", "cfg", "ini", "bak", "tmp", "desktop", "dylib", "dll", "exe",
        "pyc", "whl", "deb", "rpm", "pdf", "csv", "tsv", "sql", "sqlite", "pem", "crt", "patch", "diff", "orig",
        "rej", "iso", "dmg", "localdomain", "localhost",
    ]

    public func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        let t = ByteText(text)
        var floor = 0  // a local part may not reach back into the previous hit
        var i = t.firstIndex(of: UInt8(ascii: "@"), from: 0)
        while i < t.count {
            if let start = localPartStart(t, at: i, floor: floor), let end = domainEnd(t, after: i) {
                findings.append(Finding(type: type, start: start, end: end))
                floor = end
                i = t.firstIndex(of: UInt8(ascii: "@"), from: end)
            } else {
                i = t.firstIndex(of: UInt8(ascii: "@"), from: i + 1)
            }
        }
    }

    /// Non-ASCII bytes are taken whole: the walk back stops only at ASCII, so
    /// a hit still starts on a scalar boundary.
    @inline(__always) static func isLocal(_ b: UInt8) -> Bool {
        b >= 0x80 || ASCII.isAlnum(b) || b == ASCII.dot || b == ASCII.underscore || b == ASCII.dash
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "%")
    }

    /// Walks back from the `@`; at most 64 bytes, so the scan stays linear.
    func localPartStart(_ t: ByteText, at: Int, floor: Int) -> Int? {
        guard at > 0, t[at - 1] != ASCII.dot else { return nil }
        let limit = max(floor, at - Self.maxLocalLength)
        var start = at
        while start > limit {
            let b = t[start - 1]
            guard Self.isLocal(b), !t.isEscapeLetter(at: start - 1) else { break }
            if b == ASCII.dot && t[start] == ASCII.dot { break }  // `..`: the address starts after it
            start -= 1
        }
        if start == limit && start > floor && Self.isLocal(t[start - 1]) && !t.isEscapeLetter(at: start - 1) {
            return nil  // longer than 64 bytes: some other token, not a local part
        }
        while start < at && t[start] == ASCII.dot { start += 1 }
        return start < at ? start : nil
    }

    /// The end of the longest dotted domain after the `@` whose last label is a
    /// plausible TLD, or nil.
    func domainEnd(_ t: ByteText, after at: Int) -> Int? {
        let limit = min(t.count, at + 1 + Self.maxDomainLength)
        var p = at + 1
        var labels = 0
        var end: Int?
        while p < limit {
            let labelStart = p
            var allLetters = true, allDigitsThenX = true
            while p < limit {
                let b = t[p]
                guard ASCII.isAlnum(b) || b == ASCII.dash else { break }
                if !ASCII.isLetter(b) { allLetters = false }
                if !(ASCII.isDigit(b) || (b == UInt8(ascii: "x") && p > labelStart)) { allDigitsThenX = false }
                p += 1
            }
            let length = p - labelStart
            guard length > 0, length <= 63, t[labelStart] != ASCII.dash, t[p - 1] != ASCII.dash else { break }
            guard p < limit || limit == t.count else { break }  // cut off at 253 bytes: not a domain
            if t[p - 1] == UInt8(ascii: "x") && allDigitsThenX { return nil }  // `@2x.png`
            labels += 1
            if labels >= 2 && allLetters && length >= 2 && !Self.isNotTLD(t, labelStart, p) { end = p }
            guard t.at(p) == ASCII.dot else { break }
            p += 1
        }
        return end
    }

    static func isNotTLD(_ t: ByteText, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 11 else { return false }  // longer than any listed name
        var name = ""
        for k in start..<end { name.unicodeScalars.append(Unicode.Scalar(ASCII.lowercased(t[k]))) }
        return notTLDs.contains(name)
    }
}
