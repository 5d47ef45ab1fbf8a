#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `gh_` followed by 9 base-36 digits of milliseconds since the epoch and 8 of
/// randomness: sortable by time, unique across concurrent hook processes, and
/// short enough to read out loud to a colleague.
public struct DecisionID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static func generate(clock: Clock = .system) -> DecisionID {
        var rng = SystemRandomNumberGenerator()
        let time = clock.millisecondsSinceEpoch()
        let random = rng.next(upperBound: UInt64(2_821_109_907_456)) // 36^8
        return DecisionID(rawValue: "gh_" + pad(String(time, radix: 36), 9) + pad(String(random, radix: 36), 8))
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    public static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix("gh_"), text.utf8.count == 20 else { return false }
        return text.utf8.dropFirst(3).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
    }
}

/// Wall-clock time as a value, so tests can pin it.
public struct Clock: Sendable {
    public let millisecondsSinceEpoch: @Sendable () -> UInt64

    public init(millisecondsSinceEpoch: @escaping @Sendable () -> UInt64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static let system = Clock {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
    }
}
