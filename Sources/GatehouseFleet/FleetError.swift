/// A fleet-tooling failure the person can act on; the message names the file.
public struct FleetError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
