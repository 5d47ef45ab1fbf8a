/// An advisory skill, written once under `skills/<name>/SKILL.md` and shipped
/// to every host that reads skills.
public struct SkillSource: Sendable, Equatable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Loads every `skills/*/SKILL.md` under `root`, sorted by name.
    public static func load(root: String) throws(IOError) -> [SkillSource] {
        let directory = root + "/skills"
        guard let names = FileSystem.list(directory) else {
            throw IOError(description: "cannot read \(directory): run from the repository root or pass --source")
        }
        var skills: [SkillSource] = []
        for name in names where FileSystem.isDirectory(directory + "/" + name) {
            let path = directory + "/" + name + "/SKILL.md"
            guard let bytes = FileSystem.read(path), let text = String(validating: bytes, as: UTF8.self) else {
                throw IOError(description: "cannot read \(path)")
            }
            skills.append(SkillSource(name: name, text: text))
        }
        return skills
    }
}
