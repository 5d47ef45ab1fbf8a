/// Finds personal data and secrets in text and replaces each hit with
/// `[REDACTED:<type>]`.
///
/// Every detector scans the whole text; overlapping hits merge into one
/// finding typed after the longest (the whole PEM block over anything inside
/// it; on equal length, the detector listed first). Findings come back
/// sorted, non-overlapping, with UTF-8 byte offsets into the ORIGINAL text.
public struct Redactor: Sendable {
    public let detectors: [any TextDetector]
    /// Also decode base64, hex and percent-encoded runs and scan what they hide.
    public var decodesEncodedValues: Bool

    public init(detectors: [any TextDetector] = Redactor.defaultDetectors, decodesEncodedValues: Bool = true) {
        self.detectors = detectors
        self.decodesEncodedValues = decodesEncodedValues
    }

    /// Secrets first: on a tie the more specific, more dangerous type names the hit.
    public static let defaultDetectors: [any TextDetector] = [
        PrivateKeyDetector(),
        JWTDetector(),
        AWSAccessKeyDetector(),
        AWSSecretKeyDetector(),
        SecretTokenDetectors.github,
        SecretTokenDetectors.githubFineGrained,
        SecretTokenDetectors.gitlab,
        SecretTokenDetectors.slack,
        SlackWebhookDetector(),
        SecretTokenDetectors.stripe,
        SecretTokenDetectors.googleAPIKey,
        SecretTokenDetectors.anthropic,
        SecretTokenDetectors.openAI,
        SecretAssignmentDetector(),
        EmailDetector(),
        PaymentCardDetector(),
        IBANDetector(),
        SSNDetector(),
        AadhaarDetector(),
        IndonesianNIKDetector(),
        IndonesianNPWPDetector(),
        IndianPANDetector(),
        SingaporeNRICDetector(),
        PhoneDetector(),
        IndonesianPhoneDetector(),
    ]

    public func findings(in text: String) -> [Finding] {
        var text = text
        return text.withUTF8 { findings(in: $0, label: .empty) }
    }

    public func redact(_ text: String) -> (text: String, findings: [Finding]) {
        redact(text, label: "")
    }

    /// `label` is passed to the detectors (see `TextDetector`): the JSON key
    /// the text sits under.
    /// `extra` are findings made elsewhere (a value split across array
    /// elements) that also apply to this text.
    func redact(_ text: String, label: String, extra: [Finding] = []) -> (text: String, findings: [Finding]) {
        var text = text
        var label = label
        let (redacted, findings) = text.withUTF8 { bytes in
            label.withUTF8 { labelBytes in
                let findings = self.findings(in: bytes, label: labelBytes, extra: extra)
                return (findings.isEmpty ? nil : Self.replacing(findings, in: bytes), findings)
            }
        }
        return (redacted ?? text, findings)
    }

    func findings(in bytes: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, extra: [Finding] = []) -> [Finding] {
        var hits: [Finding] = extra
        var ranks: [Int] = Array(repeating: -1, count: extra.count)
        for (rank, detector) in detectors.enumerated() {
            detector.scan(bytes, label: label, into: &hits)
            ranks.append(contentsOf: repeatElement(rank, count: hits.count - ranks.count))
        }
        if decodesEncodedValues {
            EncodedValueScanner(detectors: detectors).scan(ByteText(bytes), into: &hits)
            ranks.append(contentsOf: repeatElement(detectors.count, count: hits.count - ranks.count))
        }
        return hits.isEmpty ? [] : Self.mergingOverlaps(hits, ranks: ranks, textCount: bytes.count)
    }

    /// Sorts hits and merges overlapping ones: a cluster of overlapping hits
    /// becomes one finding spanning all of them, typed after its longest
    /// member (on equal length, the one from the earlier detector). Taking
    /// the union rather than dropping the loser means no part of any detected
    /// value survives, e.g. the domain of an address glued to a token. Hits
    /// outside the text (a faulty custom detector) are dropped, not trusted.
    static func mergingOverlaps(_ hits: [Finding], ranks: [Int], textCount: Int) -> [Finding] {
        let order = hits.indices
            .filter { hits[$0].start >= 0 && hits[$0].start < hits[$0].end && hits[$0].end <= textCount }
            .sorted { hits[$0].start != hits[$1].start ? hits[$0].start < hits[$1].start : ranks[$0] < ranks[$1] }
        var merged: [Finding] = []
        var winner = -1
        for index in order {
            let hit = hits[index]
            if let last = merged.last, hit.start < last.end {
                merged[merged.count - 1].end = max(last.end, hit.end)
                if beats(index, winner, hits, ranks) {
                    winner = index
                    merged[merged.count - 1].type = hit.type
                }
            } else {
                merged.append(hit)
                winner = index
            }
        }
        return merged
    }

    private static func beats(_ a: Int, _ b: Int, _ hits: [Finding], _ ranks: [Int]) -> Bool {
        let lengthA = hits[a].end - hits[a].start, lengthB = hits[b].end - hits[b].start
        return lengthA != lengthB ? lengthA > lengthB : ranks[a] < ranks[b]
    }

    /// The text with each (sorted, non-overlapping) finding replaced.
    static func replacing(_ findings: [Finding], in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var capacity = bytes.count
        for finding in findings { capacity += "[REDACTED:]".utf8.count + finding.type.utf8.count - (finding.end - finding.start) }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            func append(_ source: UnsafeBufferPointer<UInt8>) {
                guard let base = source.baseAddress, !source.isEmpty else { return }
                (out.baseAddress! + written).initialize(from: base, count: source.count)
                written += source.count
            }
            var copied = 0
            for finding in findings {
                append(UnsafeBufferPointer(rebasing: bytes[copied..<finding.start]))
                var marker = "[REDACTED:" + finding.type + "]"
                marker.withUTF8 { append($0) }
                copied = finding.end
            }
            append(UnsafeBufferPointer(rebasing: bytes[copied...]))
            return written
        }
    }
}
