import Testing
@testable import HookCore

extension Detectors {
    @Suite struct EmailDetectorTests {
        let detector = EmailDetector()

        @Test(arguments: [
            ("john.doe@example.com", "contact: {}"),
            ("first+tag@sub.example.co.uk", "<{}>"),
            ("brien_x@example.org", "o'{}"),  // the quote is not part of the local part
            ("a%b-c_d@mail-server.example.io", "{},"),
            ("Jane@Example.COM", "\"{}\""),
            ("user@163.com", "{}"),
            ("git@github.com", "{}:org/repo.git"),
            ("pass@db.example.com", "postgres://admin:{}/app"),
            ("dev@example.com", "\"author\":\"\\n{}\""),  // after a JSON `\n` escape
            ("x@example.com", "end of sentence {}."),
            ("ops@example.mo", "{}"),  // `.mo` is Macao, not only a file extension
            ("jane@janes-macbook.local", "{} ~ %"),
        ])
        func findsAddresses(expected: String, context: String) {
            #expect(DetectorProbe.hit(detector, expected, in: context) == [expected], "in \(context)")
        }

        @Test(arguments: [
            "user@localhost",
            "npm install lodash@4.17.21",
            "@angular/core@15.0.0-rc.1",
            "logo@2x.png and logo@3x.jpeg",
            "@decorator.name",
            "a@b.c",
            "user.@example.com",
            "@example.com",
            "me@-bad.com",
            "me@bad-.com",
            String(repeating: "a", count: 65) + "@example.com",
            "email@[127.0.0.1]",
            "getty@tty1.service", "pg_dump@version-cluster.timer",  // systemd template units
            "po/sr@latin.po", "root@host.localdomain",
        ])
        func ignoresLookalikes(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }

        @Test func takesTheValidTailOfADottedRun() {
            #expect(DetectorProbe.hits(detector, in: "see...john@example.com") == ["john@example.com"])
            #expect(DetectorProbe.hits(detector, in: "x@example.com.123") == ["x@example.com"])
        }

        @Test func findsManyAddressesInAList() {
            let text = "a@example.com,b@example.com; c@example.net\nd@example.org"
            #expect(DetectorProbe.hits(detector, in: text) == ["a@example.com", "b@example.com", "c@example.net", "d@example.org"])
        }
    }
}
