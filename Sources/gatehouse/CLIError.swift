/// A runtime failure the user can act on: printed as `Error: <message>`,
/// exit status 1, without the usage text that argument mistakes get.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
