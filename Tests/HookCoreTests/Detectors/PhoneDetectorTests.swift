import Testing
@testable import HookCore

extension Detectors {
    @Suite struct PhoneDetectorTests {
        let detector = PhoneDetector()

        @Test(arguments: [
            ("+14155552671", "call {} now"),
            ("+44 20 7946 0958", "tel: {}"),
            ("+1 (415) 555-2671", "{}"),
            ("+33 1 23 45 67 89", "({})"),
            ("+49-30-901820", "\"phone\":\"{}\""),
            ("+1.415.555.2671", "{}"),
            ("(415) 555-2671", "Phone: {}."),
            ("(415)555-2671", "{}"),
            ("(415) 555 2671", "{}"),
            ("415-555-2671", "{},"),
            ("415.555.2671", "{}"),
            ("1-800-555-0199", "toll free {}"),
            ("1 (800) 555-0199", "{}"),
            ("212-555-0100", "\\n{}"),
        ])
        func findsNumbers(expected: String, context: String) {
            #expect(DetectorProbe.hit(detector, expected, in: context) == [expected], "in \(context)")
        }

        @Test(arguments: [
            "+1234567",  // 7 digits
            "+1234567890123456",  // 16 digits
            "+0123456789",  // no country code starts with 0
            "a+14155552671", "1+14155552671", "+14155552671x",
            "123-456-7890", "415-155-2671",  // N must be 2-9
            "4155552671",  // bare digits
            "415 555 2671",  // spaces without parentheses
            "415-555.2671",  // mixed separators
            "10.415.555.2671", "415-555-2671-3", "415-555-26710",
            "2024-01-15", "12:30:45", "v1.2.3",
            "192.168.100.200",
            "(415)-555",
            "+2024",
            "+2024-05-01",  // a date on an added diff line
        ])
        func ignoresNonNumbers(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }
    }
}
