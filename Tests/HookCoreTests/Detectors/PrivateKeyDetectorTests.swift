import Testing
@testable import HookCore

extension Detectors {
    @Suite struct PrivateKeyDetectorTests {
        let detector = PrivateKeyDetector()

        static let body = [
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
            "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK",
            "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo==",
        ]

        static func block(_ label: String, separator: String = "\n", headers: [String] = []) -> String {
            (["-----BEGIN \(label)-----"] + headers + body + ["-----END \(label)-----"]).joined(separator: separator)
        }

        @Test(arguments: ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"])
        func redactsTheWholeBlock(label: String) {
            let key = Self.block(label)
            #expect(DetectorProbe.hit(detector, key, in: "$ cat id\n{}\n$ ls") == [key])
        }

        @Test func handlesJSONEscapedFlattenedAndHeaderedKeys() {
            let escaped = Self.block("RSA PRIVATE KEY", separator: "\\n")
            #expect(DetectorProbe.hit(detector, escaped, in: "{\"key\":\"{}\\n\"}") == [escaped])
            let spaced = Self.block("PRIVATE KEY", separator: " ")
            #expect(DetectorProbe.hit(detector, spaced, in: "KEY='{}'") == [spaced])
            let glued = Self.block("PRIVATE KEY", separator: "")
            #expect(DetectorProbe.hit(detector, glued, in: "{}") == [glued])
            let crlf = Self.block("EC PRIVATE KEY", separator: "\r\n")
            #expect(DetectorProbe.hit(detector, crlf, in: "{}\r\n") == [crlf])
            let encrypted = Self.block("RSA PRIVATE KEY", headers: ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,3F17F5316E2BAC89", ""])
            #expect(DetectorProbe.hit(detector, encrypted, in: "{}") == [encrypted])
            let indented = Self.block("RSA PRIVATE KEY", separator: "\n    ")
            #expect(DetectorProbe.hit(detector, indented, in: "key: |\n    {}\n") == [indented])
        }

        @Test func redactsATruncatedBlockThroughItsLastBase64Line() {
            let text = "-----BEGIN RSA PRIVATE KEY-----\n" + Self.body[0] + "\n" + Self.body[1] + "\n(output truncated)\nnext line"
            let hits = DetectorProbe.hits(detector, in: text)
            #expect(hits == ["-----BEGIN RSA PRIVATE KEY-----\n" + Self.body[0] + "\n" + Self.body[1]])
        }

        @Test func doesNotSwallowTextUpToADistantEnd() {
            let text = "-----BEGIN PRIVATE KEY-----\nsee the docs, they explain it.\n-----END PRIVATE KEY-----"
            #expect(DetectorProbe.hits(detector, in: text).isEmpty)
        }

        @Test(arguments: [
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----",  // a header alone reveals nothing
            "grep -r 'BEGIN RSA PRIVATE KEY' .",
            "-----BEGIN private key-----\nMIIE\n-----END private key-----",
        ])
        func ignoresOtherBlocks(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }
    }
}
