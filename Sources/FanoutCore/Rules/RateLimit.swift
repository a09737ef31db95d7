/// A token bucket's shape: refilled at `perMinute` tokens a minute, holding
/// at most `burst`. OFAuth's Access API: 60 a minute, bursts of 90.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public static let ofauth = RateLimit(perMinute: 60, burst: 90)

    public var perMinute: Int
    public var burst: Int

    public init(perMinute: Int, burst: Int) {
        self.perMinute = perMinute
        self.burst = burst
    }

    /// The most either number may be: enough for any real limit, and small
    /// enough that seconds to refill (burst × 60 / perMinute) fit an Int.
    public static let largest = 1_000_000_000

    /// `60/90` (per minute / burst); nil unless both are integers from 1 to `largest`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let perMinute = Int(parts[0]), let burst = Int(parts[1]),
              (1...Self.largest).contains(perMinute), (1...Self.largest).contains(burst) else { return nil }
        self.init(perMinute: perMinute, burst: burst)
    }

    public var description: String { "\(perMinute)/\(burst)" }
}
