import FanoutCore
import FanoutSQL
import GRDB

extension SQLiteStorage: SimulationStore {
    public func creatorIDs() async throws -> [Int64] {
        try await read { db in try db.run(SimulationStatements.creatorIDs).map { $0[0] as Int64 } }
    }

    public func activeFanIDs(creatorID: Int64, limit: Int) async throws -> [Int64] {
        try await read { db in
            try db.run(SimulationStatements.activeFanIDs(creatorID: creatorID, limit: limit)).map { $0[0] as Int64 }
        }
    }

    /// Deliveries not yet acted on are unopened too.
    public func unopenedMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        let messages = try await unopenedDirectMessages(creatorID: creatorID, limit: limit)
        let deliveries = try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT message_id, fan_id FROM mass_delivery WHERE creator_id = ? ORDER BY message_id DESC LIMIT ?",
                arguments: [creatorID, limit]
            ).map { (messageID: $0[0] as Int64, fanID: $0[1] as Int64) }
        }
        return Array((messages + deliveries).sorted { $0.messageID > $1.messageID }.prefix(limit))
    }

    public func purchasableMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await read { db in
            try db.run(SimulationStatements.purchasableMessages(creatorID: creatorID, limit: limit))
                .map { (messageID: $0[0] as Int64, fanID: $0[1] as Int64) }
        }
    }

    /// The creator's newest unopened messages to fans.
    private func unopenedDirectMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT m.id, c.fan_id FROM chat c JOIN message m ON m.chat_id = c.id
                    WHERE c.creator_id = ? AND m.from_user_id = c.creator_id AND m.is_tip = 0 AND m.opened_at IS NULL
                    ORDER BY m.id DESC LIMIT ?
                    """,
                arguments: [creatorID, limit]
            ).map { (messageID: $0["id"] as Int64, fanID: $0["fan_id"] as Int64) }
        }
    }
}
