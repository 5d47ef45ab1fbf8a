import Testing
@testable import HookCore

extension Detectors {
    @Suite struct IBANDetectorTests {
        let detector = IBANDetector()

        // Registry examples, printed and electronic forms.
        @Test(arguments: [
            "DE89 3704 0044 0532 0130 00", "DE89370400440532013000",
            "GB29 NWBK 6016 1331 9268 19", "GB82WEST12345698765432",
            "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300",
            "NO93 8601 1117 947", "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
            "BE68539007547034", "CH93 0076 2011 6238 5295 7",
        ])
        func findsValidIBANs(iban: String) {
            for context in ["{}", "IBAN: {}.", "\"iban\":\"{}\"", "\\n{}\\n"] {
                #expect(DetectorProbe.hit(detector, iban, in: context) == [iban], "in \(context)")
            }
        }

        @Test(arguments: [
            "DE89 3704 0044 0532 0130 01",  // check digits wrong
            "DE88370400440532013000",
            "DE8937040044053201300",  // a character short for DE
            "DE893704004405320130000",  // a character long
            "XX89370400440532013000",  // no such country
            "de89370400440532013000",  // lower case
            "ADE89370400440532013000", "DE89370400440532013000X",
            "DE89 37040044 0532 0130 00",  // irregular grouping
            "GB82-WEST-1234-5698-7654-32",
        ])
        func ignoresInvalidIBANs(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }
    }
}
