import Foundation

/// Mass messages of one creator.
public protocol MassMessageStore: Sendable {
    /// Newest first; `type` nil lists every state.
    func massMessages(creatorID: Int64, type: MassMessageListType?, page: PageRequest) async throws -> Page<MassMessage>
    func massMessage(id: Int64, creatorID: Int64) async throws -> MassMessage?
    /// Deletes it if it is still scheduled; false when it was not (anymore).
    func deleteScheduledMassMessage(id: Int64, creatorID: Int64) async throws -> Bool
    /// Recalls it if its state is in `states` and, when `sentNotBefore` is given,
    /// it was sent at or after that: it becomes `.canceled`, nothing more is
    /// delivered, and deliveries nobody bought leave the recipients' chats
    /// (bought ones stay). Returns the updated message, or nil when the
    /// condition did not hold.
    func recallMassMessage(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at now: Date
    ) async throws -> MassMessage?
}
