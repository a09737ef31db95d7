import FanoutCore
import GRDB

extension SQLiteStorage: SimulationStore {
    public func creatorIDs() async throws -> [Int64] {
        try await read { db in try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE isCreator ORDER BY id") }
    }

    public func activeFanIDs(creatorID: Int64, limit: Int) async throws -> [Int64] {
        try await read { db in
            try Int64.fetchAll(
                db, sql: "SELECT fanId FROM subscription WHERE creatorId = ? AND isActive ORDER BY fanId LIMIT ?",
                arguments: [creatorID, limit])
        }
    }

    /// Deliveries not yet acted on are unopened too.
    public func unopenedMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        let messages = try await messages(creatorID: creatorID, limit: limit, condition: "m.openedAt IS NULL")
        let deliveries = try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT messageId, fanId FROM massDelivery WHERE creatorId = ? ORDER BY messageId DESC LIMIT ?",
                arguments: [creatorID, limit]
            ).map { (messageID: $0[0] as Int64, fanID: $0[1] as Int64) }
        }
        return Array((messages + deliveries).sorted { $0.messageID > $1.messageID }.prefix(limit))
    }

    public func purchasableMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await messages(creatorID: creatorID, limit: limit, condition: "m.openedAt IS NOT NULL AND m.priceCents > 0 AND m.purchasedAt IS NULL")
    }

    /// The creator's newest messages to fans meeting `condition`.
    private func messages(creatorID: Int64, limit: Int, condition: String) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT m.id, c.fanId FROM chat c JOIN message m ON m.chatId = c.id
                    WHERE c.creatorId = ? AND m.fromUserId = c.creatorId AND m.isTip = 0 AND \(condition)
                    ORDER BY m.id DESC LIMIT ?
                    """,
                arguments: [creatorID, limit]
            ).map { (messageID: $0["id"] as Int64, fanID: $0["fanId"] as Int64) }
        }
    }
}
