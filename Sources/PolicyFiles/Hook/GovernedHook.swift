#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import HookCore

/// The hook entry point with every policy layer loaded. Host binaries call
/// this instead of `HookProcess.main` so managed, user and project files apply.
public enum GovernedHook {
    public static func main<Codec: HostCodec>(codec: Codec, event: HookEvent) -> Never {
        HookProcess.main(codec: codec, event: event) { configuration in
            engine(host: codec.host, configuration: configuration, environment: configuration.environment)
        }
    }

    /// The layered engine the hook evaluates with.
    public static func engine(host: HostID, configuration: HookConfiguration, environment: [String: String]) -> Engine {
        let layers = LayeredPolicies(environment: PolicyEnvironment(environment: environment, host: host, cwd: currentDirectory()))
        return Engine(layers.set, home: configuration.home, mode: configuration.mode)
    }

    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
