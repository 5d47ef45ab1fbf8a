import Testing
@testable import HookCore

extension Detectors {
    @Suite("National ids, Indonesian phones and secret assignments")
    struct NationalIDDetectorTests {
        @Test func aadhaarNeedsVerhoeffAndGroupingOrKeyword() {
            #expect(DetectorProbe.hits(AadhaarDetector(), in: "id 2345 6789 0124") == ["2345 6789 0124"])
            #expect(DetectorProbe.hits(AadhaarDetector(), in: "id 2345 6789 0123").isEmpty)  // check digit wrong
            #expect(DetectorProbe.hits(AadhaarDetector(), in: "n 234567890124").isEmpty)  // bare, no keyword
            #expect(DetectorProbe.hits(AadhaarDetector(), in: "aadhaar: 234567890124") == ["234567890124"])
            #expect(DetectorProbe.hits(AadhaarDetector(), in: "1234 5678 9012").isEmpty)  // starts with 1
        }

        @Test func verhoeffKnownValue() {
            #expect(Verhoeff.isValid([2, 3, 6, 3]))  // 236 + check digit 3
            #expect(!Verhoeff.isValid([2, 3, 6, 4]))
        }

        @Test func singaporeNRICCheckLetter() {
            #expect(DetectorProbe.hits(SingaporeNRICDetector(), in: "NRIC S1234567D") == ["S1234567D"])
            #expect(DetectorProbe.hits(SingaporeNRICDetector(), in: "NRIC S1234567A").isEmpty)
            #expect(DetectorProbe.hits(SingaporeNRICDetector(), in: "FIN G1234567X") == ["G1234567X"])
        }

        @Test func indianPAN() {
            #expect(DetectorProbe.hits(IndianPANDetector(), in: "PAN ABCPE1234F.") == ["ABCPE1234F"])
            #expect(DetectorProbe.hits(IndianPANDetector(), in: "ABCXE1234F").isEmpty)  // X is no holder type
            #expect(DetectorProbe.hits(IndianPANDetector(), in: "XABCPE1234F").isEmpty)
        }

        @Test func indonesianNIKNeedsValidFieldsAndKeyword() {
            #expect(DetectorProbe.hits(IndonesianNIKDetector(), in: "NIK: 3174015508900001") == ["3174015508900001"])
            #expect(DetectorProbe.hits(IndonesianNIKDetector(), in: "NIK: 9974015508900001").isEmpty)  // no province 99
            #expect(DetectorProbe.hits(IndonesianNIKDetector(), in: "NIK: 3174013513900001").isEmpty)  // month 13
            #expect(DetectorProbe.hits(IndonesianNIKDetector(), in: "order 3174015508900001").isEmpty)
        }

        @Test func indonesianNPWP() {
            #expect(DetectorProbe.hits(IndonesianNPWPDetector(), in: "NPWP 01.234.567.8-901.234") == ["01.234.567.8-901.234"])
            #expect(DetectorProbe.hits(IndonesianNPWPDetector(), in: "v 1.234.567.8-901.234").isEmpty)
        }

        @Test func indonesianMobileNumbers() {
            #expect(DetectorProbe.hits(IndonesianPhoneDetector(), in: "hp 081234567890") == ["081234567890"])
            #expect(DetectorProbe.hits(IndonesianPhoneDetector(), in: "hp 0812-3456-7890") == ["0812-3456-7890"])
            #expect(DetectorProbe.hits(IndonesianPhoneDetector(), in: "id 0801234567").isEmpty)
            #expect(DetectorProbe.hits(IndonesianPhoneDetector(), in: "v1.081234567890").isEmpty)
        }

        @Test func secretAssignments() {
            let d = SecretAssignmentDetector()
            #expect(DetectorProbe.hits(d, in: "DB_PASSWORD=Tr0ub4dor&3xyz") == ["Tr0ub4dor&3xyz"])
            #expect(DetectorProbe.hits(d, in: #""client_secret": "9fK2pQ7zR4mX1wL8""#) == ["9fK2pQ7zR4mX1wL8"])
            #expect(DetectorProbe.hits(d, in: "9fK2pQ7zR4mX1wL8", label: "password") == ["9fK2pQ7zR4mX1wL8"])
            for clean in ["password=changeme", "token: string", "password = getPassword()", "DB_PASSWORD=${X}", "pwd: /home/dev/src",
                "password == other", "api_key: <your-api-key>", "password: aaaaaaaaaaaa1"] {
                #expect(DetectorProbe.hits(d, in: clean).isEmpty, "\(clean)")
            }
        }

        @Test func entropyLog2() {
            #expect(abs(Entropy.log2(8) - 3) < 1e-9)
            #expect(abs(Entropy.log2(0.5) + 1) < 1e-9)
            #expect(abs(Entropy.log2(10) - 3.321928094887362) < 1e-9)
        }
    }
}
