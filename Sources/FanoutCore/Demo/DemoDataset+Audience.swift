import Foundation

extension DemoDataset {
    /// One creator with `fans` active subscribers and nothing else: the
    /// world for large fan-outs (tests, benchmarks). Fan ids start at
    /// `firstFanID` and are consecutive.
    public static func audience(creatorID: Int64 = 1, fans: Int, firstFanID: Int64 = 10_000_000, since: Date) -> DemoDataset {
        let creator = UserProfile(id: creatorID, name: "Creator \(creatorID)", username: "creator\(creatorID)", avatar: nil, isVerified: true)
        let fanIDs = (0..<Int64(fans)).map { firstFanID + $0 }
        return DemoDataset(
            organizations: [], users: [creator] + fanIDs.map { UserProfile(id: $0, name: "Fan \($0)", username: "fan\($0)", avatar: nil, isVerified: false) },
            creatorIDs: [creatorID],
            subscriptions: fanIDs.map { Subscription(creatorID: creatorID, fanID: $0, subscribedAt: since, isActive: true) },
            media: [], massMessages: [], messages: [], mutedChats: [])
    }
}
