/// The migrations of the account API (issue 30), in order, after the others
/// in `PostgresSchema.migrations`. Append-only, as they are.
extension PostgresSchema {
    static let accountMigrations: [PostgresMigration] = [
        // A connection's status (invalidated ones stay, `expired`), its last
        // change, the caller's reference, its Vault+ flag and overrides (JSON
        // of the fields set); an organization's Vault+ defaults; a creator's `about`.
        PostgresMigration("keepConnectionsLifecycleAndSettings", [
            "ALTER TABLE connection ADD COLUMN status text NOT NULL DEFAULT 'active'",
            "ALTER TABLE connection ADD COLUMN updated_at timestamptz",
            "ALTER TABLE connection ADD COLUMN expired_at timestamptz",
            "ALTER TABLE connection ADD COLUMN client_reference_id text",
            "ALTER TABLE connection ADD COLUMN vault_plus_enabled boolean NOT NULL DEFAULT false",
            "ALTER TABLE connection ADD COLUMN vault_plus_settings text",
            "ALTER TABLE organization ADD COLUMN vault_plus_auto_enable boolean NOT NULL DEFAULT false",
            "ALTER TABLE organization ADD COLUMN vault_plus_defaults text",
            "ALTER TABLE app_user ADD COLUMN about text",
        ]),
    ]
}
