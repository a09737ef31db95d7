import FanoutCore
import Foundation
import GRDB
import Testing
@testable import FanoutSQLite

/// `shareOneVocabularyWithPostgres` renames every table and column of a
/// database written before it: its rows, keys, sequences, triggers and the
/// indexes the pages name must all come through, and the storage must read
/// and write it as a new one. A database from a newer Fanout is refused.
@Suite struct SharedVocabularyMigrationTests {
    @Test func aDatabaseFromBeforeTheRenameKeepsItsRowsKeysSequencesAndTriggers() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let old = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(old, upTo: "keepClockPerCreator")
            try await old.write { db in
                try db.execute(sql: """
                    INSERT INTO organization (id, name) VALUES (1, 'Before');
                    INSERT INTO user (id, name, username, isCreator) VALUES (1, 'Creator', 'creator', 1), (10, 'Fan', 'fan', 0);
                    INSERT INTO connection (id, organizationId, creatorId, permissions) VALUES ('conn_before', 1, 1, 'messages:read');
                    INSERT INTO subscription (creatorId, fanId, subscribedAt, isActive) VALUES (1, 10, '2026-11-01 10:00:00.000', 1);
                    INSERT INTO media (id, creatorId, kind, createdAt, isReady, hasError, convertedToVideo, hasCustomPreview,
                                       width, height, size, fullUrl)
                    VALUES (500, 1, 'photo', '2026-11-01 10:00:00.000', 1, 0, 0, 0, 10, 10, 100, 'https://x/500.jpg');
                    INSERT INTO massMessage (id, creatorId, text, priceCents, isLockedText, state, listType, createdAt, changedAt, sentAt, total)
                    VALUES (7, 1, 'For all', 500, 1, 'sent', 'sent', '2026-11-01 11:00:00.000', '2026-11-01 11:00:00.000',
                            '2026-11-01 11:00:00.000', 1);
                    INSERT INTO massMessageMedia (massMessageId, position, mediaId, isPreview) VALUES (7, 0, 500, 1);
                    INSERT INTO chat (id, creatorId, fanId, lastMessageId) VALUES (1, 1, 10, 101);
                    INSERT INTO message (id, chatId, fromUserId, text, createdAt, changedAt)
                    VALUES (100, 1, 10, 'Hello', '2026-11-01 12:00:00.000', '2026-11-01 12:00:00.000');
                    INSERT INTO massDelivery (creatorId, messageId, fanId, massMessageId) VALUES (1, 101, 10, 7);
                    """)
            }
        }
        let database = try AppDatabase(path: path)
        let storage = SQLiteStorage(database: database)
        try await database.pool.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty, "every foreign key still points at its renamed table")
            let sequences = try String.fetchSet(db, sql: "SELECT name FROM sqlite_sequence")
            #expect(sequences.isSuperset(of: ["organization", "mass_message", "chat", "message", "media"]), "\(sequences)")
            let oldNames = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE sql LIKE '%massMessageId%' OR sql LIKE '%creatorId%' OR sql LIKE '%fromUserId%'
                """)
            #expect(oldNames == [], "no table, index or trigger still names an old column")
        }

        // The pages read the renamed rows, through the indexes they name.
        let page = try await storage.messages(creatorID: 1, query: ChatMessageQuery(fanID: 10, page: PageRequest(limit: 10, offset: 0)))
        #expect(page.items.map(\.id) == [101, 100], "the delivery and the fan's message, newest first")
        #expect(page.items.first?.attachments.map(\.media.id) == [500], "the delivery shows its mass message's packed media")
        // Writes continue the sequences, and the triggers still pack attachments.
        let sent = try await storage.createMassMessage(MassMessageDraft(text: "After"), creatorID: 1, at: Date())
        #expect(sent.id > 7)
        try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO mass_message_media (mass_message_id, position, media_id, is_preview) VALUES (?, 0, 500, 0)",
                           arguments: [sent.id])
            #expect(try String.fetchOne(db, sql: "SELECT media FROM mass_message WHERE id = ?", arguments: [sent.id]) == "1000")
        }
    }

    @Test func aDatabaseMigratedByANewerFanoutIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newer-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try AppDatabase(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('aMigrationFromTheFuture')")
        }
        #expect {
            _ = try AppDatabase(path: path)
        } throws: { error in
            "\(error)".contains("newer Fanout") && "\(error)".contains("aMigrationFromTheFuture")
        }
    }
}
