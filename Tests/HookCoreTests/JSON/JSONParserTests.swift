import Testing
@testable import HookCore

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingKeyOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b":1.0,"a":[true,null,"x\u00e9\n"],"c":{"d":-2e3}}"#)
        #expect(value.objectMembers?.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .number("1.0"))
        #expect(value["a"] == .array([.bool(true), .null, .string("xé\n")]))
        #expect(value["c"]?["d"] == .number("-2e3"))
    }

    @Test func roundTripsThroughTheWriter() throws {
        let text = #"{"k":"quote \" backslash \\ tab \t ctrl \u0001","n":[1,2.5,-0],"u":"日本"}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(value.jsonText) == value)
        #expect(!value.jsonText.contains("\n"))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "\"\\x\"", "\"\\ud800\"", "tru", "{} {}", "[1] x", "\"a\u{01}\"",
    ])
    func rejectsMalformedInputWithAnOffset(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes: [0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func prettyTextIsStable() throws {
        let value = JSONValue.object([("name", .string("g")), ("list", .array([.int(1), .object([])])), ("empty", .array([]))])
        #expect(value.prettyText() == "{\n  \"name\": \"g\",\n  \"list\": [\n    1,\n    {}\n  ],\n  \"empty\": []\n}")
    }
}
