import HookCore

/// Every layer's policy files, loaded: managed, user, project, then the
/// built-in pack. A file that does not load makes its layer fail closed.
public struct LayeredPolicies: Sendable {
    /// Documents that loaded and apply here (appliesTo matched).
    public var documents: [PolicyDocument]
    /// Documents that loaded but whose appliesTo excludes this host/tags.
    public var skipped: [PolicyDocument]
    public var errors: [(layer: PolicyLayer, error: PolicyFileError)]
    public var builtin: PolicySet

    public init(environment: PolicyEnvironment, builtin: PolicySet = BuiltinPack.set, detectors: DetectorRegistry = .builtin) {
        self.documents = []
        self.skipped = []
        self.errors = []
        self.builtin = builtin
        let layers: [(PolicyLayer, [String])] = [
            (.managed, environment.managed), (.user, environment.user), (.project, environment.project),
        ]
        for (layer, directories) in layers {
            for path in LayeredPolicies.files(in: directories) {
                do {
                    let document = try PolicyDecoder.load(path: path, layer: layer, detectors: detectors)
                    if document.appliesTo.matches(tags: environment.tags, host: environment.host.rawValue) {
                        documents.append(document)
                    } else {
                        skipped.append(document)
                    }
                } catch {
                    errors.append((layer, error))
                }
            }
        }
    }

    /// `*.yaml` and `*.yml` files of the directories, sorted by name within each.
    public static func files(in directories: [String]) -> [String] {
        var files: [String] = []
        for directory in directories {
            guard let names = FileSystem.list(directory) else { continue }
            for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
                files.append(directory + "/" + name)
            }
        }
        return files
    }

    /// The policies the engine evaluates, and the strictest default effect.
    public var set: PolicySet {
        var policies = builtin.policies
        var defaultEffect = builtin.defaultEffect
        for document in documents {
            policies += document.policies
            if let effect = document.defaultEffect { defaultEffect = PolicySet.strictest(defaultEffect, effect) }
        }
        for layer in PolicyLayer.allCases {
            let failures = errors.filter { $0.layer == layer }.map(\.error)
            guard let first = failures.first else { continue }
            policies.append(LayeredPolicies.failClosed(layer: layer, first: first, more: failures.count - 1))
        }
        return PolicySet(policies: policies, defaultEffect: defaultEffect)
    }

    /// A broken file must never read as "no rules": the layer denies
    /// everything and says which file to fix.
    public static func failClosed(layer: PolicyLayer, first: PolicyFileError, more: Int) -> Policy {
        let others = more > 0 ? " (and \(more) more)" : ""
        return Policy(
            id: "gatehouse.policy-error.\(layer.rawValue)",
            description: "A \(layer.rawValue) policy file could not be loaded",
            effect: .deny, risk: .high,
            reason: "the \(layer.rawValue) policy layer failed to load, so it blocks every tool call: \(first)\(others)",
            actions: [], conditions: [],
            guidance: "Ask the user to fix the file (run `gatehouse policy lint \(first.file)`).",
            origin: PolicyOrigin(layer: layer, file: first.file, line: first.line))
    }
}

public extension BuiltinPack {
    static var set: PolicySet { PolicySet(policies: policies, defaultEffect: defaultEffect) }
}
