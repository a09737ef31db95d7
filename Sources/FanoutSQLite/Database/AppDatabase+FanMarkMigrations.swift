import GRDB

extension AppDatabase {
    /// Issue 30's restrict and block, after the shared vocabulary. Append-only.
    static func registerFanMarkMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("restrictAndBlockFans") { db in
            // When the creator restricted or blocked the fan (NULL: not), on
            // the subscription row the fan-out's audience query already
            // reads, so leaving blocked fans out costs it no extra lookup.
            // The restricted and blocked lists walk their own partial index.
            try db.execute(sql: """
                ALTER TABLE subscription ADD COLUMN restricted_at DATETIME;
                ALTER TABLE subscription ADD COLUMN blocked_at DATETIME;
                CREATE INDEX subscription_restricted ON subscription(creator_id, restricted_at, fan_id) WHERE restricted_at IS NOT NULL;
                CREATE INDEX subscription_blocked ON subscription(creator_id, blocked_at, fan_id) WHERE blocked_at IS NOT NULL;
                """)
        }
    }
}
