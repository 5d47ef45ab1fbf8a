import Foundation

/// What the scripted model answers, turn by turn (see Fixtures/model_server.py).
struct ModelScript: Sendable {
    enum Turn: Sendable {
        case toolUse(name: String, input: AnyJSON)
        case text(String)
    }

    var turns: [Turn]
    var sideText = "ok"

    /// The usual shape: the model runs one Bash command, then ends the turn.
    static func bash(_ command: String, finalText: String = "Done.") -> ModelScript {
        ModelScript(turns: [
            .toolUse(name: "Bash", input: ["command": .string(command), "description": "Run the command"]),
            .text(finalText),
        ])
    }

    func jsonData() throws -> Data {
        let rendered: [AnyJSON] = turns.map {
            switch $0 {
            case .toolUse(let name, let input):
                return ["tool_use": ["name": .string(name), "input": input]]
            case .text(let text):
                return ["text": .string(text)]
            }
        }
        let doc: AnyJSON = ["turns": .array(rendered), "side_text": .string(sideText)]
        return try JSONEncoder().encode(doc)
    }
}
