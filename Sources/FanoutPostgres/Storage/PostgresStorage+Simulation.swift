import FanoutCore
import FanoutSQL
import PostgresNIO

extension PostgresStorage: SimulationStore {
    public func creatorIDs() async throws -> [Int64] {
        try await read { db in try await db.rows(SimulationStatements.creatorIDs, logger).map { try $0.decode(Int64.self) } }
    }

    public func activeFanIDs(creatorID: Int64, limit: Int) async throws -> [Int64] {
        try await read { db in
            try await db.rows(SimulationStatements.activeFanIDs(creatorID: creatorID, limit: limit), logger).map { try $0.decode(Int64.self) }
        }
    }

    /// Deliveries not yet acted on are unopened too.
    public func unopenedMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await read { db in
            try await db.rows("""
                (SELECT m.id, c.fan_id FROM chat c JOIN message m ON m.chat_id = c.id
                 WHERE c.creator_id = \(creatorID) AND m.from_user_id = c.creator_id AND NOT m.is_tip AND m.opened_at IS NULL
                 ORDER BY m.id DESC LIMIT \(limit))
                UNION ALL
                (SELECT message_id, fan_id FROM mass_delivery WHERE creator_id = \(creatorID) ORDER BY message_id DESC LIMIT \(limit))
                ORDER BY 1 DESC LIMIT \(limit)
                """, logger).map { row in let (id, fan) = try row.decode((Int64, Int64).self); return (id, fan) }
        }
    }

    public func purchasableMessages(creatorID: Int64, limit: Int) async throws -> [(messageID: Int64, fanID: Int64)] {
        try await read { db in
            try await db.rows(SimulationStatements.purchasableMessages(creatorID: creatorID, limit: limit), logger).map { row in let (id, fan) = try row.decode((Int64, Int64).self); return (id, fan) }
        }
    }
}
