import Testing
@testable import HookCore

extension Detectors {
    @Suite struct JWTDetectorTests {
        let detector = JWTDetector()

        static let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

        @Test(arguments: [
            "Authorization: Bearer {}\r\n", "{}", "\"id_token\":\"{}\"", "Cookie: session={}; Path=/", "\\n{}",
            "https://app.example.com/callback#access_token={}&state=x",
        ])
        func findsSignedTokens(context: String) {
            #expect(DetectorProbe.hit(detector, Self.token, in: context) == [Self.token], "in \(context)")
        }

        @Test func findsUnsignedAndEncryptedTokens() {
            let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."
            #expect(DetectorProbe.hit(detector, unsigned, in: "t={} ok") == [unsigned])
            let jwe = "eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZ.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYI.XFBoMYUZodetZdvTiFvSkQ"
            #expect(DetectorProbe.hit(detector, jwe, in: "{}") == [jwe])
        }

        @Test(arguments: [
            "eyJhbGciOiJIUzI1NiJ9",  // header only
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",  // two segments
            "eyJhb.eyJzdWIiOiIxIn0.sig",  // header too short
            "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
            "a.eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",  // a later part of some dotted name
            "hello.world.example",
            "eyJhbGciOiJIUzI1NiJ9.e.sig",
        ])
        func ignoresNonTokens(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }
    }
}
