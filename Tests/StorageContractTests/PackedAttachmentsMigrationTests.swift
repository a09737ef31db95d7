import FanoutCore
import Foundation
import GRDB
import Testing
@testable import FanoutSQLite

/// `packAttachmentsOnTheirOwners`: pages read a message's and a mass
/// message's attachments from a packed column on the row itself. A database
/// written before the migration must read back the same attachments, in
/// order, previews marked; and the triggers keep the column right after.
@Suite struct PackedAttachmentsMigrationTests {
    @Test func aDatabaseFromBeforeTheMigrationKeepsItsAttachmentsAndTheTriggersFollowChanges() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("packed-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // The schema as the previous release left it, with attachments in the link tables only.
        do {
            let old = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(old, upTo: "keepConsoleSessions")
            try await old.write { db in
                try db.execute(sql: """
                    INSERT INTO user (id, name, username, isCreator) VALUES (1, 'Creator', 'creator', 1), (10, 'Fan', 'fan', 0);
                    INSERT INTO media (id, creatorId, kind, createdAt, isReady, hasError, convertedToVideo, hasCustomPreview,
                                       width, height, size, fullUrl)
                    VALUES (500, 1, 'photo', '2026-11-01 10:00:00.000', 1, 0, 0, 0, 10, 10, 100, 'https://x/500.jpg'),
                           (501, 1, 'video', '2026-11-01 10:00:00.000', 1, 0, 0, 0, 20, 20, 200, 'https://x/501.mp4'),
                           (502, 1, 'photo', '2026-11-01 10:00:00.000', 1, 0, 0, 0, 30, 30, 300, 'https://x/502.jpg');
                    INSERT INTO massMessage (id, creatorId, text, priceCents, isLockedText, state, listType, createdAt, changedAt, sentAt, total)
                    VALUES (7, 1, 'For all', 500, 1, 'sent', 'sent', '2026-11-01 11:00:00.000', '2026-11-01 11:00:00.000',
                            '2026-11-01 11:00:00.000', 1);
                    INSERT INTO massMessageMedia (massMessageId, position, mediaId, isPreview) VALUES (7, 0, 502, 0), (7, 1, 500, 1);
                    INSERT INTO chat (id, creatorId, fanId, lastMessageId) VALUES (1, 1, 10, 101);
                    INSERT INTO message (id, chatId, fromUserId, text, createdAt, changedAt)
                    VALUES (100, 1, 1, 'Two pictures', '2026-11-01 12:00:00.000', '2026-11-01 12:00:00.000');
                    INSERT INTO message (id, chatId, fromUserId, massMessageId, priceCents, isLockedText, createdAt, changedAt)
                    VALUES (101, 1, 1, 7, 500, 1, '2026-11-01 13:00:00.000', '2026-11-01 13:00:00.000');
                    INSERT INTO messageMedia (messageId, position, mediaId, isPreview) VALUES (100, 1, 500, 0), (100, 0, 501, 1);
                    """)
            }
        }
        let storage = SQLiteStorage(database: try AppDatabase(path: path))
        func attachments(_ id: Int64) async throws -> [String] {
            try #require(try await storage.chatMessage(id: id, creatorID: 1)).attachments.map { "\($0.media.id)\($0.isPreview ? "p" : "")" }
        }
        #expect(try await attachments(100) == ["501p", "500"], "in position order, not insertion order")
        #expect(try await attachments(101) == ["502", "500p"], "a message from a mass message shows the mass message's")
        let massMessages = try await storage.massMessages(creatorID: 1, type: .sent, page: PageRequest(limit: 10, offset: 0))
        #expect(massMessages.items.map { $0.attachments.map(\.media.id) } == [[502, 500]])

        // Written after the migration: the triggers keep the packed column in step.
        let pool = try DatabasePool(path: path)
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO message_media (message_id, position, media_id, is_preview) VALUES (100, 2, 502, 1)")
            try db.execute(sql: "DELETE FROM message_media WHERE message_id = 100 AND position = 0")
            try db.execute(sql: "DELETE FROM mass_message_media WHERE mass_message_id = 7")
        }
        #expect(try await attachments(100) == ["500", "502p"])
        #expect(try await attachments(101) == [])
    }
}
