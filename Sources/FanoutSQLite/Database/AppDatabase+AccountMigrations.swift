import GRDB

extension AppDatabase {
    /// The migrations of the account API (issue 30), in order, after the
    /// others in `migrator`. Append-only, as they are.
    static func registerAccountMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("keepConnectionsLifecycleAndSettings") { db in
            // A connection's status (invalidated ones stay, `expired`), its
            // last change, the caller's reference, its Vault+ flag and
            // overrides (JSON of the fields set); an organization's Vault+
            // defaults; a creator's `about`.
            try db.execute(sql: """
                ALTER TABLE connection ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
                ALTER TABLE connection ADD COLUMN updated_at DATETIME;
                ALTER TABLE connection ADD COLUMN expired_at DATETIME;
                ALTER TABLE connection ADD COLUMN client_reference_id TEXT;
                ALTER TABLE connection ADD COLUMN vault_plus_enabled BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE connection ADD COLUMN vault_plus_settings TEXT;
                ALTER TABLE organization ADD COLUMN vault_plus_auto_enable BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE organization ADD COLUMN vault_plus_defaults TEXT;
                ALTER TABLE app_user ADD COLUMN about TEXT;
                """)
        }
    }
}
