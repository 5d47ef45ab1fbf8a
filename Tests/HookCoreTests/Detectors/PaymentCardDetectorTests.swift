import Testing
@testable import HookCore

extension Detectors {
    @Suite struct PaymentCardDetectorTests {
        let detector = PaymentCardDetector()

        @Test(arguments: [
            "4111111111111111", "4012888888881881", "4222222222222", "4111111111111111110",  // Visa 16, 13, 19
            "5555555555554444", "5105105105105100", "2223003122003222",  // Mastercard 5x and 2-series
            "378282246310005", "371449635398431",  // Amex
            "6011111111111117", "6011000990139424", "6445644564456445",  // Discover
            "3530111333300000", "3566002020360505",  // JCB
            "30569309025904", "38520000023237",  // Diners
            "6200000000000005", "6212345678901234569",  // UnionPay
        ])
        func findsContiguousNumbersOfEachBrand(number: String) {
            #expect(DetectorProbe.hit(detector, number, in: "card: {}.") == [number])
        }

        @Test(arguments: [
            ("4111 1111 1111 1111", "pay with {} now"),
            ("4111-1111-1111-1111", "{}"),
            ("3782 822463 10005", "amex {}"),
            ("3056 930902 5904", "diners {}"),
            ("6212 3456 7890 1234 569", "{}"),
            ("5555555555554444", "1,{},12/29"),  // a CSV column
            ("4111111111111111", "\"number\":\"{}\""),
            ("4111111111111111", "\\n{}\\n"),  // JSON-escaped text
            ("4111 1111 1111 1111", "{} exp 12 27"),
            ("4111111111111111", "qty 2 {}"),  // a contiguous card after another number
            ("4111-1111-1111-1111", "{} 12/27"),
        ])
        func findsGroupedAndEmbeddedNumbers(expected: String, context: String) {
            #expect(DetectorProbe.hit(detector, expected, in: context) == [expected], "in \(context)")
        }

        @Test(arguments: [
            "4111111111111112",  // fails Luhn: an order id
            "1700000000004",  // a Luhn-valid millisecond timestamp: no issuer starts with 1
            "1234567812345670",  // Luhn-valid, no issuer
            "41111111111114", "555555555555442", "34111111111111118",  // valid Luhn, wrong length for the brand
            "621234567890123457",  // UnionPay prefix, 18 digits: reserved, not issued
            "393533393034313035", "3006020101020101",  // hex test vectors (DER starts `30`)
            "14111111111111111", "41111111111111110", "x4111111111111111", "4111111111111111x", "id_4111111111111111",
            "0.4111111111111111", "4111111111111111.5", "2024-4111111111111111", "4111111111111111-7",
            "4111 1111 1111 1111 1111",  // longer group sequence
            "1234 4111 1111 1111 1111",
            "4111 1111-1111 1111",  // mixed separators
            "4111  1111  1111  1111",  // double spaces
            "41 11 11 11 11 11 11 11",  // not card grouping
            "4111111 111111111",
            "version 4.111111111111111",
        ])
        func ignoresNonCards(text: String) {
            #expect(DetectorProbe.hits(detector, in: text).isEmpty, "\(text)")
        }
    }
}
