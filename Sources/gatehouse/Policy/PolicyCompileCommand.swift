import ArgumentParser
import Foundation
import HookCore
import PolicyFiles

struct PolicyCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the built-in pack folder into Swift (BuiltinPack) for the hook binaries.")

    @Argument(help: "The pack folder; every *.yaml in it, sorted by name.")
    var directory = "policies/builtin"

    @Option(help: "The Swift file to write (default: standard output).")
    var out: String?

    func run() throws {
        let source: String
        do {
            source = try PackCompiler(directory: directory).swiftSource()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        guard let out else {
            print(source, terminator: "")
            return
        }
        try FileSystem.writeAtomically(out, bytes: Array(source.utf8))
    }
}
