/// A creator's audience as people: subscribers, and single users.
public protocol SubscriberStore: Sendable {
    /// One page (+1) of `creatorID`'s subscribers meeting `query`, newest
    /// subscription first (then highest fan id), each with the creator's
    /// lists they are on.
    func subscribers(creatorID: Int64, query: SubscriberQuery) async throws -> Page<Subscriber>

    /// User `userID` if `creatorID` may see them: the creator, a subscriber
    /// (now or before), or someone they chat with.
    func visibleUser(creatorID: Int64, userID: Int64) async throws -> UserProfile?
}
