/// Local tools whose documented use is `eval "$(tool init)"`: they print
/// shell settings for the current shell (agents, version managers, prompts).
/// `eval` of their output is routine; the tool itself is still analysed as
/// a command of its own. Anything else inside `eval "$(...)"` stays unknown.
enum EnvironmentGenerators {
    static let programs: Set<String> = [
        "ssh-agent", "gpg-agent", "direnv", "pyenv", "rbenv", "nodenv", "goenv", "jenv", "plenv", "phpenv", "brew",
        "conda", "mamba", "micromamba", "starship", "zoxide", "fnm", "mise", "rtx", "opam", "dircolors", "gdircolors",
        "thefuck", "atuin", "fzf", "keychain", "luarocks", "register-python-argcomplete", "minikube", "docker-machine",
        "rustup", "volta", "asdf", "nix-direnv", "hub", "gh", "kubectl", "helm", "npm", "pip", "poetry", "uv",
    ]

    /// True when `text` is exactly one `$(program args)` substitution of a
    /// listed generator, with no pipes, lists, nesting or redirections.
    static func isGeneratorSubstitution(_ text: [UInt8]) -> Bool {
        guard text.count > 3, text.count < 256, text[0] == Byte.dollar, text[1] == Byte.openParen,
              text[text.count - 1] == Byte.closeParen
        else { return false }
        let inner = text[2..<(text.count - 1)]
        let forbidden: Set<UInt8> = [
            Byte.pipe, Byte.semicolon, Byte.ampersand, Byte.backquote, Byte.dollar, Byte.openParen, Byte.closeParen,
            Byte.less, Byte.greater, Byte.newline,
        ]
        guard !inner.contains(where: forbidden.contains) else { return false }
        let name = inner.drop { $0 == Byte.space }.prefix { $0 != Byte.space }
        return programs.contains(String(decoding: name, as: UTF8.self))
    }
}
