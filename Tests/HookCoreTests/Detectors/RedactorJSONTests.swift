import Testing
@testable import HookCore

extension Detectors {
    @Suite struct RedactorJSONTests {
        let redactor = Redactor()

        @Test func redactsStringValuesAndKeepsShapeOrderAndNumbers() throws {
            let input = try JSONParser.parse(#"""
                {"stdout":"deploying as ops@example.com\n","stderr":"","exitCode":0,"ratio":1.0,"interrupted":false,
                 "content":[{"type":"text","text":"ok"},null,{"type":"text","text":"key AKIAIOSFODNN7EXAMPLE"}],
                 "jane@example.com":"keys are not scanned"}
                """#)
            let (output, findings) = redactor.redact(input)
            let expected = try JSONParser.parse(#"""
                {"stdout":"deploying as [REDACTED:email]\n","stderr":"","exitCode":0,"ratio":1.0,"interrupted":false,
                 "content":[{"type":"text","text":"ok"},null,{"type":"text","text":"key [REDACTED:aws_access_key]"}],
                 "jane@example.com":"keys are not scanned"}
                """#)
            #expect(output == expected)
            #expect(output.objectMembers?.map(\.key) == ["stdout", "stderr", "exitCode", "ratio", "interrupted", "content", "jane@example.com"])
            #expect(output["ratio"] == .number("1.0"))
            #expect(findings == [
                Finding(type: "email", path: "stdout", start: 13, end: 28),
                Finding(type: "aws_access_key", path: "content[2].text", start: 4, end: 24),
            ])
        }

        @Test func pathsQuoteKeysThatAreNotIdentifiers() throws {
            let input = try JSONParser.parse(#"{"headers":{"x-api-key":"ghp_aBcD1234eFgH5678iJkL9012mNoP3456qRsT"},"a b":["x","me@example.com"]}"#)
            let paths = redactor.redact(input).findings.map(\.path)
            #expect(paths == [#"headers["x-api-key"]"#, #"["a b"][1]"#])
        }

        @Test func aTopLevelStringHasAnEmptyPath() {
            let (output, findings) = redactor.redact(JSONValue.string("me@example.com"))
            #expect(output == .string("[REDACTED:email]"))
            #expect(findings.map(\.path) == [""])
        }

        @Test func theKeyCountsAsContextForKeywordDetectors() throws {
            let input = try JSONParser.parse(#"""
                {"ssn":"123456789","order_id":"123456789","people":[{"SSNs":["234567890"]}],
                 "Credentials":{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","Token":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}
                """#)
            let (output, findings) = redactor.redact(input)
            #expect(findings.map(\.path) == ["ssn", "Credentials.SecretAccessKey"])
            #expect(output["order_id"] == .string("123456789"))
            #expect(output["Credentials"]?["SecretAccessKey"] == .string("[REDACTED:aws_secret_key]"))
        }

        @Test func leavesCleanDocumentsUntouched() throws {
            let input = try JSONParser.parse(#"{"a":[1,2.50,{"b":null,"c":true,"d":"plain"}],"e":-0}"#)
            let (output, findings) = redactor.redact(input)
            #expect(output == input)
            #expect(output.jsonText == input.jsonText)
            #expect(findings.isEmpty)
        }
    }
}
