import FanoutCore
import GRDB

extension SQLiteStorage: AnalyticsStore {
    public func purchasedMassMessages(creatorID: Int64, page: PageRequest) async throws -> Page<MassMessage> {
        try await pool.read { db in
            // Walks the partial index massMessage_purchased.
            let messages = try MassMessageRow.fetchAll(
                db,
                sql: "SELECT * FROM massMessage WHERE creatorId = ? AND purchasedCount > 0 ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: [creatorID, page.limit + 1, page.offset])
            return Page(fetched: messages, limit: page.limit)
        }
    }
}
