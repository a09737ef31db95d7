import FanoutCore
import FanoutSQL
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
            try await db.run(MassMessageStatements.deleteScheduled(id: id, creatorID: creatorID), logger) > 0
        }
    }

    public func recallMassMessage(
        id: Int64, creatorID: Int64, ifIn states: Set<MassMessageState>, sentNotBefore: Date?, at now: Date
    ) async throws -> MassMessage? {
        try await write { db in
            // Waits for a fan-out batch of this mass message to commit; the
            // batch that comes after sees it canceled and rolls back.
            let recall = MassMessageStatements.recall(id: id, creatorID: creatorID, ifIn: states, sentNotBefore: sentNotBefore, at: now)
            guard try await db.run(recall.postgresQuery, logger) > 0 else { return nil }
            try await apply(db, MassMessageRecall(massMessageID: id, creatorID: creatorID).effects)
            return try await massMessage(db, id: id, creatorID: creatorID)
        }
    }
}
