/// Finds one kind of personal data or secret in text.
///
/// Detectors work on raw UTF-8 bytes and must run in time linear in the input:
/// the hook scans every tool output, and that output is attacker-influenced.
/// They append hits with an empty `path`; the `Redactor` fills it in, resolves
/// overlaps between detectors and does the replacing.
public protocol TextDetector: Sendable {
    /// Snake-case type name, used in findings and in `[REDACTED:<type>]`.
    var type: String { get }

    func scan(_ text: UnsafeBufferPointer<UInt8>, into findings: inout [Finding])

    /// `label` names the text, e.g. the JSON key a string value sits under.
    /// Detectors that need a nearby keyword (`ssn`, `secret`) also look there,
    /// so `{"ssn": "123456789"}` is caught; others ignore it.
    func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding])
}

extension TextDetector {
    public func scan(_ text: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>, into findings: inout [Finding]) {
        scan(text, into: &findings)
    }
}
