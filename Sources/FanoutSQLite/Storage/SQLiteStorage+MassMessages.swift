import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage: MassMessageStore {
    public func massMessages(creatorID: Int64, type: MassMessageListType?, page: PageRequest) async throws -> Page<MassMessage> {
        try await read(bounded: Self.isShallow(page)) { db in
            var sql = "WHERE creatorId = ?"
            var arguments: StatementArguments = [creatorID]
            if let type {
                sql += " AND listType = ?"
                arguments += [type.rawValue]
            }
            sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
            arguments += [page.limit + 1, page.offset]
            return Page(fetched: try MassMessageRow.fetchAll(db, media: media, where: sql, arguments: arguments), limit: page.limit)
        }
    }

    public func massMessage(id: Int64, creatorID: Int64) async throws -> MassMessage? {
        try pageRead { db in try self.massMessage(db, id: id, creatorID: creatorID) }
    }

    func massMessage(_ db: Database, id: Int64, creatorID: Int64) throws -> MassMessage? {
        try MassMessageRow.fetchAll(
            db, media: media, where: "WHERE id = ? AND creatorId = ?", arguments: [id, creatorID]
        ).first
    }

    public func deleteScheduledMassMessage(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM massMessage WHERE id = ? AND creatorId = ? AND state = ?",
                arguments: [id, creatorID, MassMessageState.scheduled.rawValue])
            return db.changesCount > 0
        }
    }

    public func recallMassMessage(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at now: Date
    ) async throws -> MassMessage? {
        try await write { db in
            let stateList = states.map(\.rawValue)
            var arguments: [(any DatabaseValueConvertible)?] = [
                MassMessageState.canceled.rawValue, MassMessageListType.unsent.rawValue, now, now, id, creatorID,
            ]
            arguments += stateList.map { $0 }
            arguments += [sentNotBefore, sentNotBefore]
            try db.execute(
                sql: """
                    UPDATE massMessage
                    SET state = ?, listType = ?, canceledAt = ?, changedAt = ?, pending = 0
                    WHERE id = ? AND creatorId = ? AND state IN (\(databaseQuestionMarks(count: stateList.count)))
                      AND (? IS NULL OR sentAt >= ?)
                    """,
                arguments: StatementArguments(arguments))
            guard db.changesCount > 0 else { return nil }
            try Self.removeUnboughtDeliveries(db, massMessageID: id, creatorID: creatorID)
            return try massMessage(db, id: id, creatorID: creatorID)
        }
    }

    /// Takes back every delivery of a mass message that nobody bought, and
    /// points each affected chat row at its newest remaining message.
    private static func removeUnboughtDeliveries(_ db: Database, massMessageID: Int64, creatorID: Int64) throws {
        try db.execute(
            sql: """
                UPDATE chat SET lastMessageId = (
                    SELECT MAX(m.id) FROM message m
                    WHERE m.chatId = chat.id AND NOT (m.massMessageId IS ? AND m.purchasedAt IS NULL))
                WHERE creatorId = ? AND lastMessageId IN (
                    SELECT id FROM message WHERE massMessageId = ? AND purchasedAt IS NULL)
                """,
            arguments: [massMessageID, creatorID, massMessageID])
        try db.execute(
            sql: "DELETE FROM message WHERE massMessageId = ? AND purchasedAt IS NULL", arguments: [massMessageID])
        // Deliveries nobody acted on lie between the first and last ids the
        // fan-out reserved for this mass message.
        try db.execute(
            sql: """
                DELETE FROM massDelivery
                WHERE creatorId = ?1 AND messageId BETWEEN
                    (SELECT firstDeliveryId FROM massMessage WHERE id = ?2) AND (SELECT lastDeliveryId FROM massMessage WHERE id = ?2)
                  AND massMessageId = ?2
                """,
            arguments: [creatorID, massMessageID])
    }
}
