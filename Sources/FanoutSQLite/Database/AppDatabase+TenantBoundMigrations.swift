import GRDB

extension AppDatabase {
    /// The migrations of issue 29 (hostile tenants), in order, after the
    /// others in `migrator`. Append-only, as they are.
    static func registerTenantBoundMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("serveFanOutsInTurn") { db in
            // Fan-out batches go round-robin across creators: each batch takes
            // the creator with queued mass messages served least recently (the
            // lowest `turn`; never served: 0), and gives it the next turn in
            // the batch's transaction.
            try db.execute(sql: """
                CREATE TABLE fanOutTurn (
                    creatorId INTEGER PRIMARY KEY,
                    turn INTEGER NOT NULL);
                CREATE INDEX fanOutTurn_turn ON fanOutTurn(turn);
                """)
        }
        migrator.registerMigration("boundUploads") { db in
            // Room a part under way holds until recorded or failed, taken in
            // the transaction that checks it, so parts sent at once cannot
            // together pass the declared size. A writer renews its row while
            // it streams; one not renewed for a while (its server died) no
            // longer counts. The open uploads by creator (the quota) and by
            // age (the purge).
            try db.execute(sql: """
                CREATE TABLE uploadReservation (
                    id TEXT PRIMARY KEY,
                    uploadId TEXT NOT NULL REFERENCES upload(id) ON DELETE CASCADE,
                    bytes INTEGER NOT NULL,
                    renewedAt DATETIME NOT NULL) WITHOUT ROWID;
                CREATE INDEX uploadReservation_upload ON uploadReservation(uploadId);
                CREATE INDEX upload_openByCreator ON upload(creatorId) WHERE mediaId IS NULL;
                CREATE INDEX upload_openByAge ON upload(createdAt) WHERE mediaId IS NULL;
                """)
        }
        migrator.registerMigration("endConsoleSessionsWithTheirKey") { db in
            // The key a session was opened with (its lookup id and SHA-256, as
            // in `apiKey`), checked on every request: revoking the key ends
            // the session. Sessions from before cannot be tied to a key: ended.
            try db.execute(sql: """
                ALTER TABLE consoleSession ADD COLUMN apiKeyLookupId TEXT;
                ALTER TABLE consoleSession ADD COLUMN apiKeyHash BLOB;
                DELETE FROM consoleSession;
                """)
        }
        migrator.registerMigration("keepClockPerCreator") { db in
            // The sandbox's clock of each creator whose clock was moved: how
            // many seconds it is ahead of real time (it only grows).
            try db.execute(sql: """
                CREATE TABLE creatorClock (
                    creatorId INTEGER PRIMARY KEY,
                    offsetSeconds DOUBLE NOT NULL)
                """)
        }
    }
}
