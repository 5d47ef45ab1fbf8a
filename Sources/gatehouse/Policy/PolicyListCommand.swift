import ArgumentParser
import HookCore
import PolicyFiles

struct PolicyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every policy rule in effect here: id, effect, risk, layer, description.")

    func run() throws {
        let layers = PolicyContext.layers()
        PolicyContext.reportErrors(layers)
        let policies = layers.set.policies.sorted { ($0.origin.layer, $0.id) < ($1.origin.layer, $1.id) }
        let width = min(48, policies.map(\.id.count).max() ?? 2)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        print(pad("ID", width + 1) + pad("EFFECT", 7) + pad("RISK", 9) + pad("LAYER", 9) + "DESCRIPTION")
        for p in policies {
            print(pad(p.id, width + 1) + pad(p.effect.rawValue, 7) + pad(p.risk.rawValue, 9) + pad(p.origin.layer.rawValue, 9)
                + (p.description.isEmpty ? p.reason : p.description))
        }
        print("\(policies.count) rules; default effect \(layers.set.defaultEffect.rawValue)")
    }
}
