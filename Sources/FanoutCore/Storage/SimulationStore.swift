/// What the fan simulator needs to pick plausible actors and targets.
public protocol SimulationStore: Sendable {
    func creatorIDs() async throws -> [Int64]
    /// Up to `limit` active subscribers of the creator (by fan id).
    func activeFanIDs(creatorID: Int64, limit: Int) async throws -> [Int64]
    /// Up to `limit` of the creator's newest messages the fan has not opened: (message, fan).
    func unopenedMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)]
    /// Up to `limit` of the creator's newest opened, paid, unbought messages: (message, fan).
    func purchasableMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)]
}
