import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: MassMessageStore {
    public func massMessages(creatorID: Int64, type: MassMessageListType?, page: PageRequest) async throws -> Page<MassMessage> {
        try await read { db in
            let messages = if let type {
                try await PostgresMassMessageRow.fetchPage(db, media: media, PostgresMassMessageRow.OfType.self, logger: logger) {
                    $0.append(creatorID); $0.append(type.rawValue); $0.append(page.limit + 1); $0.append(page.offset)
                }
            } else {
                try await PostgresMassMessageRow.fetchPage(db, media: media, PostgresMassMessageRow.All.self, logger: logger) {
                    $0.append(creatorID); $0.append(page.limit + 1); $0.append(page.offset)
                }
            }
            return Page(fetched: messages, limit: page.limit)
        }
    }

    public func massMessage(id: Int64, creatorID: Int64) async throws -> MassMessage? {
        try await read { db in try await massMessage(db, id: id, creatorID: creatorID) }
    }

    func massMessage(_ db: PostgresConnection, id: Int64, creatorID: Int64) async throws -> MassMessage? {
        try await PostgresMassMessageRow.fetchAll(db, media: media, PostgresMassMessageRow.One.self, logger: logger) {
            $0.append(id); $0.append(creatorID)
        }.first
    }

    public func deleteScheduledMassMessage(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in
            try await db.run(
                "DELETE FROM mass_message WHERE id = \(id) AND creator_id = \(creatorID) AND state = 'scheduled' RETURNING 1", logger) > 0
        }
    }

    public func recallMassMessage(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at now: Date
    ) async throws -> MassMessage? {
        try await write { db in
            // Waits for a fan-out batch of this mass message to commit; the
            // batch that comes after sees it canceled and rolls back.
            let recalled = try await db.run("""
                UPDATE mass_message
                SET state = 'canceled', list_type = 'unsent', canceled_at = \(now), changed_at = \(now), pending = 0
                WHERE id = \(id) AND creator_id = \(creatorID) AND state = ANY(\(states.map(\.rawValue)))
                  AND (\(sentNotBefore)::timestamptz IS NULL OR sent_at >= \(sentNotBefore))
                RETURNING 1
                """, logger)
            guard recalled > 0 else { return nil }
            try await removeUnboughtDeliveries(db, massMessageID: id, creatorID: creatorID)
            return try await massMessage(db, id: id, creatorID: creatorID)
        }
    }

    /// Takes back every delivery of a mass message that nobody bought, and
    /// points each affected chat row at its newest remaining message.
    private func removeUnboughtDeliveries(_ db: PostgresConnection, massMessageID: Int64, creatorID: Int64) async throws {
        try await db.run("""
            UPDATE chat SET last_message_id = (
                SELECT MAX(m.id) FROM message m
                WHERE m.chat_id = chat.id AND NOT (m.mass_message_id IS NOT DISTINCT FROM \(massMessageID) AND m.purchased_at IS NULL))
            WHERE creator_id = \(creatorID) AND last_message_id IN (
                SELECT id FROM message WHERE mass_message_id = \(massMessageID) AND purchased_at IS NULL)
            """, logger)
        try await db.run("DELETE FROM message WHERE mass_message_id = \(massMessageID) AND purchased_at IS NULL", logger)
        // Deliveries nobody acted on lie between the first and last ids the
        // fan-out used for this mass message.
        try await db.run("""
            DELETE FROM mass_delivery d USING mass_message mm
            WHERE mm.id = \(massMessageID) AND d.creator_id = \(creatorID)
              AND d.message_id BETWEEN mm.first_delivery_id AND mm.last_delivery_id AND d.mass_message_id = \(massMessageID)
            """, logger)
    }
}
