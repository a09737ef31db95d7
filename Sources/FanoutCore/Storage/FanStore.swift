import Foundation

/// A creator's fans as people the creator looks up, restricts and blocks.
/// A fan is a user with a subscription to the creator, now or before; only
/// a fan can be restricted or blocked.
public protocol FanStore: Sendable {
    /// Those of `ids` the creator may see (the creator, a fan, someone they
    /// chat with), in id order; the others are left out.
    func visibleUsers(creatorID: Int64, ids: [Int64]) async throws -> [FanProfile]

    /// One page (+1) of the creator's fans whose name or username contains
    /// `search` (case folded; accents too on SQLite only, as the other
    /// searches), newest subscription first.
    func searchFans(creatorID: Int64, search: String, page: PageRequest) async throws -> Page<FanProfile>

    /// One page (+1) of the fans the creator restricted, latest first.
    func restrictedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile>

    /// One page (+1) of the fans the creator blocked, latest first.
    func blockedFans(creatorID: Int64, page: PageRequest) async throws -> Page<FanProfile>

    /// Restricts (`at` a date) or lifts the restriction (nil); doing it twice
    /// keeps the first date. False when the user is not the creator's fan.
    func restrictFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool

    /// Blocks (`at` a date) or unblocks (nil), as `restrictFan`. A blocked
    /// fan gets no direct message and is left out of every later fan-out.
    func blockFan(creatorID: Int64, fanID: Int64, at: Date?) async throws -> Bool
}
