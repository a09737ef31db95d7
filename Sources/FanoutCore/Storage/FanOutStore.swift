import Foundation

/// Creating, editing and delivering mass messages.
public protocol FanOutStore: Sendable {
    /// Vault media ids of `creatorID` among `ids` (to report the others).
    func ownedMediaIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64>
    /// List ids of `creatorID` among `ids`.
    func ownedListIDs(_ ids: [Int64], creatorID: Int64) async throws -> Set<Int64>

    /// Stores the draft. Scheduled (`draft.scheduledAt` set): the audience is
    /// kept and `total` counted; resolved again when it falls due. Otherwise
    /// it starts sending now: recipients are resolved and queued for fan-out.
    func createMassMessage(_ draft: MassMessageDraft, creatorID: Int64, at now: Date) async throws -> MassMessage
    /// Replaces a still-scheduled one; nil when it is not scheduled (anymore).
    func replaceScheduledMassMessage(id: Int64, creatorID: Int64, with draft: MassMessageDraft, at now: Date) async throws -> MassMessage?
    /// Starts every scheduled mass message of the creators in `scope` due
    /// at `now` (their clock's); returns the date each one it started was
    /// scheduled for.
    func startDueMassMessages(at now: Date, of scope: CreatorScope) async throws -> [Date]
    /// Delivers the next batch of up to `limit` recipients of one queued mass
    /// message, in one transaction with its counters and cursor: after it,
    /// each of them finds the mass message in its chat and in the chats list.
    /// Batches go round-robin across creators: the creator whose mass
    /// messages were served least recently (across instances), then its
    /// oldest queued one, so a million-fan send holds another creator's
    /// ten-fan message back by about one batch. Returns how many recipients it delivered to (0 when a batch only
    /// finished something off), or nil when nothing was queued.
    /// `now` tells the time on the batch's creator's clock.
    func deliverNextBatch(limit: Int, at now: @escaping @Sendable (_ creatorID: Int64) -> Date) async throws -> Int?
    /// Recipients not yet delivered to, over every mass message being sent.
    func pendingRecipients() async throws -> Int
}

extension FanOutStore {
    /// Every creator's, at one time (tests, and a clock the same for all).
    public func startDueMassMessages(at now: Date) async throws -> [Date] {
        try await startDueMassMessages(at: now, of: .all)
    }
}
