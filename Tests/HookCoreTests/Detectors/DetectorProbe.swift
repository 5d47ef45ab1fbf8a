import Testing
@testable import HookCore

/// Parent of the detector and redactor suites, so that
/// `swift test --filter Detectors` runs exactly them.
@Suite enum Detectors {}

/// Runs one detector over a string and returns what it matched as text, so
/// expectations read as the values they are about.
enum DetectorProbe {
    static func hits(_ detector: some TextDetector, in text: String, label: String = "") -> [String] {
        var text = text
        var label = label
        return text.withUTF8 { bytes in
            label.withUTF8 { labelBytes in
                var findings: [Finding] = []
                detector.scan(bytes, label: labelBytes, into: &findings)
                return findings.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
            }
        }
    }

    /// The value matched when `value` is embedded in `context` at `{}`.
    static func hit(_ detector: some TextDetector, _ value: String, in context: String = "{}") -> [String] {
        hits(detector, in: context.replacing("{}", with: value))
    }
}
