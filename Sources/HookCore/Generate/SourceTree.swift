/// The hand-written inputs of the generators, read from the repository.
public struct SourceTree: Sendable {
    public var skills: [SkillSource]
    public var icon: [UInt8]

    public static let iconPath = "assets/icon.png"

    public static func load(root: String) throws(IOError) -> SourceTree {
        let skills = try SkillSource.load(root: root)
        guard let icon = FileSystem.read(root + "/" + iconPath) else {
            throw IOError(description: "cannot read \(root)/\(iconPath): run from the repository root or pass --source")
        }
        return SourceTree(skills: skills, icon: icon)
    }
}
