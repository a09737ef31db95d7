import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: MassMessageStore {
    public func massMessages(creatorID: Int64, type: MassMessageListType?, page: PageRequest) async throws -> Page<MassMessage> {
        try await read(bounded: Self.isShallow(page)) { db in
            var sql = "WHERE creator_id = ?"
            var arguments: StatementArguments = [creatorID]
            if let type {
                sql += " AND list_type = ?"
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
            db, media: media, where: "WHERE id = ? AND creator_id = ?", arguments: [id, creatorID]
        ).first
    }

    public func deleteScheduledMassMessage(id: Int64, creatorID: Int64) async throws -> Bool {
        try await write { db in try !db.run(MassMessageStatements.deleteScheduled(id: id, creatorID: creatorID)).isEmpty }
    }

    public func recallMassMessage(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at now: Date
    ) async throws -> MassMessage? {
        try await write { db in
            let recall = MassMessageStatements.recall(id: id, creatorID: creatorID, ifIn: states, sentNotBefore: sentNotBefore, at: now)
            guard !(try db.run(recall)).isEmpty else { return nil }
            try Self.apply(db, MassMessageRecall(massMessageID: id, creatorID: creatorID).effects)
            return try massMessage(db, id: id, creatorID: creatorID)
        }
    }
}
