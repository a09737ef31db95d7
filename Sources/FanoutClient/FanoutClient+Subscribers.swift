import Foundation

extension FanoutClient {
    public typealias SubscriberType = Operations.ListSubscribers.Input.Query._TypePayload

    /// One page of the creator's subscribers (`type`: all, active, expired, latest).
    public func subscribers(
        type: SubscriberType? = nil, query: String? = nil, limit: Int = 20, offset: Int = 0
    ) async throws -> Components.Schemas.SubscriberPage {
        try await call { try await api.listSubscribers(query: .init(_type: type, query: query, limit: limit, offset: offset)).ok.body.json }
    }

    /// A user's profile as this creator sees it.
    public func user(id: Int) async throws -> Components.Schemas.User {
        try await notedUser(id: id).value1
    }

    /// A user's profile with the creator's custom name and note for them.
    public func notedUser(id: Int) async throws -> Components.Schemas.NotedUser {
        try await call { try await api.getUser(path: .init(userId: String(id))).ok.body.json }
    }
}
