import Foundation

/// A creator's fans as people: looked up by id or name, restricted, blocked.
/// What restrict and block change is in the README ("Restrict and block").
public struct FanService: Sendable {
    /// The most users one `users/list` call may name (the SDK's bound).
    public static let maxIDsPerLookup = 10

    let store: any FanStore
    let clock: any CreatorClock

    public init(store: any FanStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    /// Those of `ids` (1 to `maxIDsPerLookup`, checked by the caller) the
    /// creator may see, in id order; repeats are looked up once.
    public func users(ids: [Int64], creatorID: Int64) async throws -> [FanProfile] {
        try await store.visibleUsers(creatorID: creatorID, ids: Array(Set(ids)).sorted())
    }

    public func search(_ text: String, creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        if text.isEmpty || SearchText.findsNothing(text) { return Page(fetched: [], limit: page.limit) }
        return try await store.searchFans(creatorID: creatorID, search: text, page: page)
    }

    public func restricted(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await store.restrictedFans(creatorID: creatorID, page: page)
    }

    public func blocked(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile> {
        try await store.blockedFans(creatorID: creatorID, page: page)
    }

    /// Restricting twice, or lifting a restriction that is not there, is harmless.
    public func restrict(_ restricted: Bool, fanID: Int64, creatorID: Int64) async throws {
        let at = restricted ? clock.now(creatorID: creatorID) : nil
        guard try await store.restrictFan(creatorID: creatorID, fanID: fanID, at: at) else { throw Self.notAFan(fanID) }
    }

    /// Blocking twice, or unblocking a fan who is not blocked, is harmless.
    public func block(_ blocked: Bool, fanID: Int64, creatorID: Int64) async throws {
        let at = blocked ? clock.now(creatorID: creatorID) : nil
        guard try await store.blockFan(creatorID: creatorID, fanID: fanID, at: at) else { throw Self.notAFan(fanID) }
    }

    static func notAFan(_ fanID: Int64) -> FanoutError {
        .notFound("User \(fanID) not found among this creator's fans (subscribers, now or before)")
    }
}
