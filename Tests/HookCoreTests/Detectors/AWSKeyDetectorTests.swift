import Testing
@testable import HookCore

extension Detectors {
    @Suite struct AWSKeyDetectorTests {
        @Test(arguments: [
            ("AKIAIOSFODNN7EXAMPLE", "aws_access_key_id = {}"),
            ("ASIAY34FZKBOKMUTVV7A", "\"AccessKeyId\": \"{}\","),
            ("ABIA2345672345672345", "{}"),
            ("ACCAZZZZZZZZZZZZZZZZ", "key={}\n"),
            ("AKIAIOSFODNN7EXAMPLE", "\\n{}"),
        ])
        func findsAccessKeyIDs(expected: String, context: String) {
            #expect(DetectorProbe.hit(AWSAccessKeyDetector(), expected, in: context) == [expected], "in \(context)")
        }

        @Test(arguments: [
            "AKIAIOSFODNN7EXAMPL",  // 19
            "AKIAIOSFODNN7EXAMPLE1",  // 21
            "XAKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLEx",
            "AKIAiosfodnn7example",  // lower case
            "AXIAIOSFODNN7EXAMPLE", "AKIA-OSFODNN7EXAMPLE",
        ])
        func ignoresLookalikeAccessKeys(text: String) {
            #expect(DetectorProbe.hits(AWSAccessKeyDetector(), in: text).isEmpty, "\(text)")
        }

        static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

        @Test(arguments: [
            "aws_secret_access_key = {}",
            "AWS_SECRET_ACCESS_KEY={}",
            "\"SecretAccessKey\": \"{}\"",
            "secret: {}",
        ])
        func findsSecretKeysNearAKeyword(context: String) {
            #expect(DetectorProbe.hit(AWSSecretKeyDetector(), Self.secret, in: context) == [Self.secret], "in \(context)")
        }

        @Test func findsSecretKeyUnderAKeywordLabel() {
            #expect(DetectorProbe.hits(AWSSecretKeyDetector(), in: Self.secret, label: "aws_secret_access_key") == [Self.secret])
        }

        @Test(arguments: [
            "value = {}",  // no keyword
            "secret" + String(repeating: " ", count: 60) + "{}",  // keyword too far away
            "secret: x{}", "secret: {}x", "secret: {}=",
        ])
        func ignoresSecretKeysWithoutContext(context: String) {
            #expect(DetectorProbe.hit(AWSSecretKeyDetector(), Self.secret, in: context).isEmpty, "in \(context)")
        }

        @Test func ignoresCommitHashesNearTheWordSecret() {
            let text = "rotate secret 3f2a9c1be0d4a7f6c5b8e9d0a1b2c3d4e5f6a7b8"
            #expect(DetectorProbe.hits(AWSSecretKeyDetector(), in: text).isEmpty)
        }
    }
}
