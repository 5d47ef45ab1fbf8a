/// Secret stores read through their command-line tools rather than as files.
enum CredentialDetectors {
    static let all: [any SubjectDetector] = [
        CommandDetector("credentials.keychain-read", keychainRead),
        CommandDetector("credentials.gpg-secret-export", { c, _ in
            (c.program == "gpg" || c.program == "gpg2")
                && c.arguments.contains { $0 == "--export-secret-keys" || $0 == "--export-secret-subkeys" }
        }),
        CommandDetector("credentials.cloud-token-print", cloudTokenPrint),
        CommandDetector("credentials.process-environment", { c, context in
            c.operands.contains { operand in
                let path = context.resolve(operand)
                return path.hasPrefix("/proc/") && (path.hasSuffix("/environ") || path.hasSuffix("/mem") || path == "/proc/kcore")
            } && !["ls", "stat", "test", "["].contains(c.program)
        }),
    ]

    static func keychainRead(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        switch c.program {
        case "security":
            guard let verb = c.operands.first else { return false }
            return ["find-generic-password", "find-internet-password", "dump-keychain", "export", "find-certificate"]
                .contains(verb) && (verb != "find-certificate" || c.hasFlag(short: "p", long: nil))
                && (verb.hasPrefix("find-") ? (c.arguments.contains("-w") || c.arguments.contains("-g") || verb == "find-certificate") : true)
        case "secret-tool":
            return ["lookup", "search"].contains(c.operands.first ?? "")
        case "pass", "gopass":
            return ["show", "cat"].contains(c.operands.first ?? "") || (c.operands.count == 1 && !["ls", "list", "init", "help", "version", "find", "grep"].contains(c.operands[0]))
        case "op":
            return ["read", "item"].contains(c.operands.first ?? "") && (c.operands.first == "read" || c.operands.dropFirst().first == "get")
        case "lpass", "bw", "keepassxc-cli":
            return ["show", "get", "export"].contains(c.operands.first ?? "")
        case "keyctl":
            return ["print", "pipe", "read"].contains(c.operands.first ?? "")
        default:
            return false
        }
    }

    static func cloudTokenPrint(_ c: SimpleCommand, _ context: DetectorContext) -> Bool {
        let words = c.operands
        switch c.program {
        case "gcloud":
            return words.starts(with: ["auth", "print-access-token"]) || words.starts(with: ["auth", "print-identity-token"])
                || words.starts(with: ["auth", "application-default", "print-access-token"])
        case "aws":
            return words.starts(with: ["configure", "get"]) && words.contains { $0.contains("secret_access_key") || $0.contains("session_token") }
                || words.starts(with: ["configure", "export-credentials"])
        case "az":
            return words.starts(with: ["account", "get-access-token"])
        case "gh":
            return words.starts(with: ["auth", "token"]) || (words.starts(with: ["auth", "status"]) && c.arguments.contains("--show-token"))
        case "kubectl":
            return words.first == "config" && words.contains("view") && c.arguments.contains { $0 == "--raw" || $0 == "--flatten" }
        case "vault":
            return words.first == "print" && words.contains("token")
        default:
            return false
        }
    }
}
