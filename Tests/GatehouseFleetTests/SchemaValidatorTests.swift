import GatehouseFleet
import HookCore
import Testing

@Suite("JSON Schema (draft-07) validator")
struct SchemaValidatorTests {
    func schema(_ text: String) throws -> JSONSchema { JSONSchema(root: try JSONParser.parse(text)) }
    func problems(_ schemaText: String, _ instance: String) throws -> [String] {
        try schema(schemaText).validate(try JSONParser.parse(instance)).map(\.description)
    }

    @Test("type, required and additionalProperties are enforced, with a pointer to the spot")
    func objectKeywords() throws {
        let s = #"{"type":"object","required":["name"],"additionalProperties":false,"properties":{"name":{"type":"string"},"n":{"type":"integer","minimum":1}}}"#
        #expect(try problems(s, #"{"name":"x","n":2}"#).isEmpty)
        #expect(try problems(s, #"{"n":2}"#) == [#"/: missing required property "name""#])
        #expect(try problems(s, #"{"name":"x","extra":1}"#) == [#"/: property "extra" is not allowed here"#])
        #expect(try problems(s, #"{"name":1}"#) == ["/name: expected string, found number"])
        #expect(try problems(s, #"{"name":"x","n":1.5}"#) == ["/n: expected integer, found number"])
        #expect(try problems(s, #"{"name":"x","n":0}"#) == ["/n: 0 is below the minimum 1.0"])
    }

    @Test("$ref, anyOf, oneOf, enum, const, pattern, arrays")
    func combinators() throws {
        let s = #"""
        {"definitions":{"tag":{"type":"string","pattern":"^v[0-9]+$"}},
         "type":"object",
         "properties":{
           "ref":{"$ref":"#/definitions/tag"},
           "src":{"anyOf":[{"const":"a"},{"enum":["b","c"]}]},
           "one":{"oneOf":[{"type":"string"},{"minLength":1}]},
           "list":{"type":"array","items":{"type":"string"},"minItems":1,"uniqueItems":true}}}
        """#
        #expect(try problems(s, #"{"ref":"v1","src":"c","one":3,"list":["a","b"]}"#).isEmpty)
        #expect(try problems(s, #"{"ref":"1.0"}"#) == [#"/ref: "1.0" does not match ^v[0-9]+$"#])
        #expect(try problems(s, #"{"src":"z"}"#).first?.hasPrefix("/src: matches none of the 2 allowed forms") == true)
        #expect(try problems(s, #"{"one":"x"}"#) == ["/one: matches 2 forms where exactly one is allowed"])
        #expect(try problems(s, #"{"list":[]}"#) == ["/list: fewer than 1 items"])
        #expect(try problems(s, #"{"list":["a","a"]}"#) == ["/list: items 0 and 1 are equal"])
        #expect(try problems(s, #"{"list":["a",2]}"#) == ["/list/1: expected string, found number"])
    }

    @Test("patternProperties, propertyNames, not, if/then/else, boolean schemas")
    func moreKeywords() throws {
        let s = #"""
        {"patternProperties":{"^x-":{"type":"number"}},"additionalProperties":{"type":"string"},
         "propertyNames":{"maxLength":5},
         "not":{"required":["nope"]},
         "if":{"required":["a"]},"then":{"required":["b"]},"else":true}
        """#
        #expect(try problems(s, #"{"x-1":1,"k":"v"}"#).isEmpty)
        #expect(try problems(s, #"{"x-1":"s"}"#) == ["/x-1: expected number, found string"])
        #expect(try problems(s, #"{"k":1}"#) == ["/k: expected string, found number"])
        #expect(try problems(s, #"{"toolong":"v"}"#) == [#"/toolong: property name "toolong" is not allowed"#])
        #expect(try problems(s, #"{"nope":"v"}"#) == ["/: matches a form that is not allowed"])
        #expect(try problems(s, #"{"a":"v"}"#) == [#"/: missing required property "b""#])
        #expect(try problems("false", "1") == ["/: no value is allowed here"])
    }

    @Test("numbers compare by value in enum and const")
    func numericEquality() throws {
        #expect(try problems(#"{"enum":[1,2]}"#, "1.0").isEmpty)
        #expect(try problems(#"{"const":{"a":1,"b":[true]}}"#, #"{"b":[true],"a":1}"#).isEmpty)
    }
}
