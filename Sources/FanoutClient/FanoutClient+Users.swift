import Foundation

extension FanoutClient {
    /// Up to 10 users by id, as this creator sees them; ids it cannot see are left out.
    public func users(ids: [Int]) async throws -> [Components.Schemas.Fan] {
        try await call { try await api.listUsersByIds(query: .init(userIds: ids.map(String.init))).ok.body.json.users }
    }

    /// One page of the creator's fans whose name or username contains `query`.
    public func searchUsers(_ query: String, limit: Int = 20, offset: Int = 0) async throws -> [Components.Schemas.Fan] {
        try await call { try await api.searchUsers(query: .init(query: query, limit: limit, offset: offset)).ok.body.json }
    }

    /// One page of the fans the creator restricted, latest first.
    public func restrictedUsers(limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.FanPage {
        try await call { try await api.listRestrictedUsers(query: .init(limit: limit, offset: offset)).ok.body.json }
    }

    /// One page of the fans the creator blocked, latest first.
    public func blockedUsers(limit: Int = 20, offset: Int = 0) async throws -> Components.Schemas.FanPage {
        try await call { try await api.listBlockedUsers(query: .init(limit: limit, offset: offset)).ok.body.json }
    }

    /// Restricts one of the creator's fans (true) or lifts the restriction (false).
    public func restrictUser(id: Int, _ restricted: Bool = true) async throws {
        _ = try await call {
            restricted
                ? try await api.restrictUser(path: .init(userId: String(id))).ok.body.json.success
                : try await api.unrestrictUser(path: .init(userId: String(id))).ok.body.json.success
        }
    }
}
