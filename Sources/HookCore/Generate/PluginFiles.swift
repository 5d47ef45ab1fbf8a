/// Files every generated plugin root carries, whatever the host.
extension GeneratedFile {
    /// README, LICENSE and icon, in that order.
    static func pluginDocuments(root: String, readme: String, icon: [UInt8]) -> [GeneratedFile] {
        [
            GeneratedFile(path: root + "/README.md", text: readme),
            GeneratedFile(path: root + "/LICENSE", text: LicenseText.mit),
            GeneratedFile(path: root + "/assets/icon.png", bytes: icon),
        ]
    }

    /// The shared skills (written once in `skills/`), one SKILL.md each.
    static func pluginSkills(root: String, _ skills: [SkillSource]) -> [GeneratedFile] {
        skills.map { GeneratedFile(path: root + "/skills/" + $0.name + "/SKILL.md", text: $0.text) }
    }
}
