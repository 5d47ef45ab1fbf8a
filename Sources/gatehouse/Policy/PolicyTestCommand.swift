import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

struct PolicyTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests: cases of every policy file in a folder against the full layered engine.",
        discussion: """
            A folder named builtin is tested as the built-in pack (its YAML replaces the compiled pack, so \
            edits are tested before `make generate`); any other folder is added on top of the layers in \
            effect here. Prints PASS/FAIL per case and a summary; exit status 1 on any failure.
            """)

    @Argument(help: "Folder of policy files (default: policies/builtin).")
    var directory = "policies/builtin"

    @Flag(help: "Print failing cases only.")
    var failuresOnly = false

    func run() throws {
        let asBuiltin = (directory.hasSuffix("/") ? String(directory.dropLast()) : directory).hasSuffix("builtin")
        let documents: [PolicyDocument]
        do {
            if asBuiltin {
                documents = try PackCompiler(directory: directory).documents()
            } else {
                documents = try PolicyTestCommand.load(directory)
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        var layers = PolicyContext.layers(builtin: asBuiltin ? PackCompiler.set(of: documents) : BuiltinPack.set)
        if !asBuiltin { layers.documents += documents }
        PolicyContext.reportErrors(layers)
        let engine = Engine(layers.set, home: PolicyContext.home)
        let results = PolicyTestRunner(engine: engine, cwd: PolicyContext.cwd).run(documents)
        for result in results where !failuresOnly || !result.passed { print(PolicyTestRunner.line(result)) }
        let failed = results.filter { !$0.passed }.count
        print(String(repeating: "-", count: 80))
        print("PASS: \(results.count - failed)/\(results.count)")
        if failed > 0 {
            print("FAIL: \(failed)/\(results.count)")
            throw ExitCode(1)
        }
    }

    static func load(_ directory: String) throws -> [PolicyDocument] {
        let files = LayeredPolicies.files(in: [directory])
        guard !files.isEmpty else { throw CLIError("no .yaml policy files in \(directory)") }
        var documents: [PolicyDocument] = []
        var errors: [PolicyFileError] = []
        for file in files {
            do { documents.append(try PolicyDecoder.load(path: file, layer: PolicyLintCommand.layer(for: file))) } catch { errors.append(error) }
        }
        if !errors.isEmpty { throw PackErrors(errors: errors) }
        return documents
    }
}
