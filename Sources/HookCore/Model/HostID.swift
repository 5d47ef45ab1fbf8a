/// Which agent host a call came from. A plain string value so that a new host
/// is a new constant in its codec, not a change to the engine.
public struct HostID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
