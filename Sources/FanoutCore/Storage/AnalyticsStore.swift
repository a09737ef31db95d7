/// Read models for the analytics endpoints.
public protocol AnalyticsStore: Sendable {
    /// Mass messages with at least one purchase, newest first.
    func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage>
}
