internal import Foundation

extension FanoutClient {
    /// The most ids `users(ids:)` takes at once.
    public static let usersByIDLimit = 10

    /// A user the creator may see (itself, a subscriber now or before, or
    /// someone it chats with), with its custom name and note for them;
    /// anyone else is a 404.
    public func user(id: Int) async throws -> User {
        let wire = try await call { try await api.getUser(path: .init(userId: String(id))).ok.body.json }
        return User(wire)
    }

    /// Up to 10 users by id, in id order, as the creator sees them; ids it
    /// cannot see are left out. More than 10 ids is a 400 naming `userIds`.
    public func users(ids: [Int]) async throws -> [Fan] {
        try await call { try await api.listUsersByIds(query: .init(userIds: ids.map(String.init))).ok.body.json.users }.map(Fan.init)
    }

    /// One page of the creator's fans (subscribers now or before) whose name
    /// or username contains `query`, case and accents ignored, newest
    /// subscription first (`limit` 1–100). The API does not say whether more
    /// follow: a full page is taken to mean they may.
    public func searchUsersPage(_ query: String, limit: Int = 20, offset: Int = 0) async throws -> Page<Fan> {
        let fans = try await call { try await api.searchUsers(query: .init(query: query, limit: limit, offset: offset)).ok.body.json }
        return Page(items: fans.map(Fan.init), hasMore: !fans.isEmpty && fans.count >= limit, offset: offset, nextOffset: nil)
    }

    /// Every fan whose name or username contains `query`, page by page (by
    /// offset, until a page comes back short).
    public func searchUsers(_ query: String, pageSize: Int = 20) -> PagedSequence<Fan> {
        .byOffset { offset in try await searchUsersPage(query, limit: pageSize, offset: offset) }
    }

    /// One page of the fans the creator restricted, latest first (`limit` 1–100).
    public func restrictedUsersPage(limit: Int = 20, offset: Int = 0) async throws -> Page<Fan> {
        let page = try await call { try await api.listRestrictedUsers(query: .init(limit: limit, offset: offset)).ok.body.json }
        return Page(items: page.list.map(Fan.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every fan the creator restricted, page by page (by offset).
    public func restrictedUsers(pageSize: Int = 20) -> PagedSequence<Fan> {
        .byOffset { offset in try await restrictedUsersPage(limit: pageSize, offset: offset) }
    }

    /// One page of the fans the creator blocked, latest first (`limit` 1–100).
    public func blockedUsersPage(limit: Int = 20, offset: Int = 0) async throws -> Page<Fan> {
        let page = try await call { try await api.listBlockedUsers(query: .init(limit: limit, offset: offset)).ok.body.json }
        return Page(items: page.list.map(Fan.init), hasMore: page.hasMore, offset: offset, nextOffset: nil)
    }

    /// Every fan the creator blocked, page by page (by offset).
    public func blockedUsers(pageSize: Int = 20) -> PagedSequence<Fan> {
        .byOffset { offset in try await blockedUsersPage(limit: pageSize, offset: offset) }
    }

    /// Restricts one of the creator's fans (a subscriber now or before;
    /// anyone else is a 404). Restricting twice is harmless.
    public func restrictUser(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.restrictUser(path: .init(userId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok.body.json
        }
    }

    /// Lifts a fan's restriction (harmless when there is none).
    public func unrestrictUser(id: Int, idempotencyKey: String? = nil) async throws {
        _ = try await call {
            try await api.unrestrictUser(path: .init(userId: String(id)), headers: .init(idempotencyKey: idempotencyKey)).ok.body.json
        }
    }
}
