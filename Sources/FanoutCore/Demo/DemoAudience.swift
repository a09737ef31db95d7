import Foundation

/// One creator with a large number of active subscribers and nothing else:
/// the world for trying a fan-out at scale (`fanout demo --fans N`, the
/// benchmarks). Fans are "Fan <id>", ids consecutive from `firstFanID`, and
/// have no chats until something is sent to them.
public struct DemoAudience: Sendable, Equatable {
    public var creator: UserProfile
    public var fans: Int
    public var firstFanID: Int64
    public var since: Date

    public init(creator: UserProfile, fans: Int, firstFanID: Int64 = 10_000_000, since: Date) {
        self.creator = creator
        self.fans = fans
        self.firstFanID = firstFanID
        self.since = since
    }

    /// The fans' ids in consecutive runs of at most `chunk`: one write
    /// transaction each, so that no transaction grows with the audience.
    public func idRuns(of chunk: Int) -> [ClosedRange<Int64>] {
        stride(from: 0, to: fans, by: chunk).map { written in
            let first = firstFanID + Int64(written)
            return first...(first + Int64(min(chunk, fans - written)) - 1)
        }
    }

    /// The creator `fanout demo --fans N` adds beside the standard demo.
    public static func demo(fans: Int, since: Date) -> DemoAudience {
        DemoAudience(
            creator: UserProfile(id: 900_001, name: "Nova Mills", username: "novamills",
                                 avatar: "https://cdn.fanout.local/avatars/900001.jpg", isVerified: true),
            fans: fans, since: since)
    }
}
