import Testing
@testable import HookCore

extension Detectors {
    @Suite struct SSNDetectorTests {
        let detector = SSNDetector()

        @Test(arguments: [
            ("123-45-6789", "SSN: {}"),
            ("123 45 6789", "{}"),
            ("665-12-3456", "id {} end"),
            ("899-99-9999", "({})"),
            ("001-01-0001", "\"{}\""),
            ("123-45-6789", "\\t{}"),
            ("123456789", "ssn=\"{}\""),
            ("123456789", "Social Security Number: {}"),
            ("123456789", "SOCIAL_SECURITY {}"),
            ("123456789", "user_ssn: {}"),
        ])
        func findsNumbers(expected: String, context: String) {
            #expect(DetectorProbe.hit(detector, expected, in: context) == [expected], "in \(context)")
        }

        @Test(arguments: [
            "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456",  // area
            "123-00-4567",  // group
            "123-45-0000",  // serial
            "078-05-1120", "219-09-9999",  // voided sample-card numbers
            "123-45-67890", "1123-45-6789", "A123-45-6789", "123-45-6789B",
            "123-45 6789", "123 45-6789",  // mixed separators
            "2024-123-45-6789", "123-45-6789-1", "1.123-45-6789",
            "10 123 45 6789",
            "order 123456789 shipped",  // bare, no keyword
            "classname 123456789",  // `ssn` inside a word is no keyword
            "ssn: 1234567890",
            "ssn: 000456789",
            "ssn" + String(repeating: " ", count: 40) + "123456789",  // keyword too far away
        ])
        func ignoresNonSSNs(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }

        @Test func bareNumberCountsUnderAKeywordLabel() {
            #expect(DetectorProbe.hits(detector, in: "123456789", label: "ssn") == ["123456789"])
            #expect(DetectorProbe.hits(detector, in: "123456789", label: "socialSecurityNumber") == ["123456789"])
            #expect(DetectorProbe.hits(detector, in: "123456789", label: "order_id").isEmpty)
        }
    }
}
