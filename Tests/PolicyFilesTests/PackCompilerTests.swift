import Foundation
import HookCore
import Testing
@testable import PolicyFiles

@Suite struct PackCompilerTests {
    let pack = PolicyTesting.repositoryRoot + "/policies/builtin"

    @Test func theCommittedPackMatchesTheYAML() throws {
        // Same check as `make check-generated`, from the unit tests.
        let compiled = try PackCompiler(directory: "policies/builtin").documents(at: pack)
        let source = PackCompiler.render(compiled, directory: "policies/builtin")
        let committed = try String(contentsOfFile: PolicyTesting.repositoryRoot + "/Sources/HookCore/Engine/BuiltinPack.generated.swift", encoding: .utf8)
        #expect(source == committed, "run `make generate`")
    }

    @Test func theCompiledPackEqualsTheLoadedPack() throws {
        let documents = try PackCompiler(directory: "policies/builtin").documents(at: pack)
        let loaded = PackCompiler.set(of: documents).policies
        #expect(loaded.map(\.id) == BuiltinPack.policies.map(\.id))
        #expect(loaded.map(\.effect) == BuiltinPack.policies.map(\.effect))
        #expect(loaded.map(\.risk) == BuiltinPack.policies.map(\.risk))
        #expect(loaded.map(\.raisedByEngine) == BuiltinPack.policies.map(\.raisedByEngine))
        for id in BuiltinPolicies.engineRaisedIDs { #expect(BuiltinPack.policies.contains { $0.id == id }) }
    }

    @Test func everyBuiltinTestCasePasses() throws {
        let documents = try PackCompiler(directory: "policies/builtin").documents(at: pack)
        let engine = Engine(PackCompiler.set(of: documents), home: PolicyTesting.home)
        let results = PolicyTestRunner(engine: engine, cwd: PolicyTesting.cwd).run(documents)
        #expect(results.count >= 20)
        for result in results where !result.passed { Issue.record("\(PolicyTestRunner.line(result))") }
        let every = documents.flatMap(\.rules).filter { $0.policy.effect != .redact }
        for rule in every { #expect(!rule.tests.isEmpty, "\(rule.policy.id) has no tests") }
    }

    func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "gatehouse-pack-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func duplicateIDsAcrossFilesAndUnknownDetectorsAreRejected() throws {
        let dir = try folder([
            "a.yaml": "name: a\nrules:\n  - id: x.one\n    effect: deny\n",
            "b.yaml": "name: b\nrules:\n  - id: x.one\n    effect: ask\n  - id: x.two\n    effect: deny\n    conditions: {detector: shell.unheard-of}\n",
        ])
        do {
            _ = try PackCompiler(directory: dir).documents()
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.description.contains("unknown detector 'shell.unheard-of'"))
        }
        let dup = try folder([
            "a.yaml": "name: a\nrules:\n  - id: x.one\n    effect: deny\n",
            "b.yaml": "name: b\nrules:\n  - id: x.one\n    effect: ask\n",
        ])
        #expect(throws: PackErrors.self) { try PackCompiler(directory: dup).documents() }
        do { _ = try PackCompiler(directory: dup).documents() } catch {
            #expect(error.description.contains("b.yaml:3:5: duplicate rule id 'x.one' (first defined at"))
        }
    }

    @Test func aPackWithoutTheEngineRulesIsRejected() throws {
        let dir = try folder(["a.yaml": "name: a\nrules:\n  - id: x.one\n    effect: deny\n"])
        #expect(throws: PackErrors.self) { try PackCompiler(directory: dir).swiftSource() }
    }

    @Test func literalsEscapeEverything() {
        #expect(PackCompiler.literal("a\"b\\c\nd\u{1}é") == #""a\"b\\c\nd\u{1}é""#)
    }
}
