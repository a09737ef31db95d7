public struct AnalyticsService: Sendable {
    let store: any AnalyticsStore

    public init(store: any AnalyticsStore) { self.store = store }

    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await store.purchasedMassMessages(creatorID: creatorID, page: page)
    }
}
