/// Secrets or government/financial identifiers in what a call sends out:
/// the arguments of an MCP tool, or a fetched URL. E-mail addresses and phone
/// numbers are not matched here: sending them is what mail and chat tools do.
public struct OutboundDataDetector: SubjectDetector {
    public let id: String
    let redactor: Redactor

    public static let secrets = OutboundDataDetector(
        id: "secrets.in-outbound-arguments", detectors: SecretWriteDetector.secretDetectors)
    public static let identifiers = OutboundDataDetector(
        id: "pii.in-outbound-arguments",
        detectors: [
            PaymentCardDetector(), IBANDetector(), SSNDetector(), AadhaarDetector(), IndianPANDetector(),
            SingaporeNRICDetector(), IndonesianNIKDetector(), IndonesianNPWPDetector(),
        ])

    init(id: String, detectors: [any TextDetector]) {
        self.id = id
        self.redactor = Redactor(detectors: detectors)
    }

    public func matches(_ subject: Subject, home: String?) -> Bool {
        switch subject.action {
        case .invokeMCP, .readWebFetch:
            return !redactor.redact(subject.input).findings.isEmpty
        default:
            return false
        }
    }
}
