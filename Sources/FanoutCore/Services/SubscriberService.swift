import Foundation

/// A creator's subscribers and the users they may look up.
public struct SubscriberService: Sendable {
    let store: any SubscriberStore

    public init(store: any SubscriberStore) { self.store = store }

    public func subscribers(creatorID: Int64, query: SubscriberQuery) async throws -> Page<Subscriber> {
        if SearchText.findsNothing(query.search) || query.filter.matchesNobody { return Page(fetched: [], limit: query.page.limit) }
        return try await store.subscribers(creatorID: creatorID, query: query)
    }

    public func user(id: Int64, creatorID: Int64) async throws -> UserProfile {
        guard let user = try await store.visibleUser(creatorID: creatorID, userID: id) else {
            throw FanoutError.notFound("User \(id) not found")
        }
        return user
    }
}
