/// The migrations of issue 29 (hostile tenants), in order, after the others
/// in `PostgresSchema.migrations`. Append-only, as they are.
extension PostgresSchema {
    static let tenantBoundMigrations: [PostgresMigration] = [
        // Fan-out batches go round-robin across creators: each batch takes
        // the creator with queued slices served least recently (the lowest
        // `turn`; never served: 0), and gives it the next turn at the end of
        // the batch's transaction (so instances serving one creator's slices
        // at once wait on its row only from there to their commit).
        PostgresMigration("serveFanOutsInTurn", [
            "CREATE TABLE fan_out_turn (creator_id bigint PRIMARY KEY, turn bigint NOT NULL)",
            "CREATE INDEX fan_out_turn_turn ON fan_out_turn (turn)",
        ]),
        // Room a part under way holds until recorded or failed, taken in the
        // transaction that checks it (the upload's row locked), so parts sent
        // at once cannot together pass the declared size. A writer renews its
        // row while it streams; one not renewed for a while (its instance
        // died) no longer counts. The open uploads by creator (the quota)
        // and by age (the purge).
        PostgresMigration("boundUploads", [
            """
            CREATE TABLE upload_reservation (
                id text PRIMARY KEY,
                upload_id text NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
                bytes bigint NOT NULL,
                renewed_at timestamptz NOT NULL)
            """,
            "CREATE INDEX upload_reservation_upload ON upload_reservation (upload_id)",
            "CREATE INDEX upload_open_by_creator ON upload (creator_id) WHERE media_id IS NULL",
            "CREATE INDEX upload_open_by_age ON upload (created_at) WHERE media_id IS NULL",
        ]),
        // The key a session was opened with (its lookup id and SHA-256, as in
        // `api_key`), checked on every request: revoking the key ends the
        // session. Sessions from before cannot be tied to a key: ended.
        PostgresMigration("endConsoleSessionsWithTheirKey", [
            "ALTER TABLE console_session ADD COLUMN api_key_lookup_id text, ADD COLUMN api_key_hash bytea",
            "DELETE FROM console_session",
        ]),
        // The sandbox's clock of each creator whose clock was moved: how many
        // seconds it is ahead of real time (it only grows). Replaces the one
        // clock for everyone (`sandbox_clock`), which is no longer read.
        PostgresMigration("keepClockPerCreator", [
            "CREATE TABLE creator_clock (creator_id bigint PRIMARY KEY, offset_seconds double precision NOT NULL)",
        ]),
    ]
}
