/// Issue 30's restrict and block, after the others in
/// `PostgresSchema.migrations`. Append-only.
extension PostgresSchema {
    static let fanMarkMigrations: [PostgresMigration] = [
        // When the creator restricted or blocked the fan (NULL: not), on the
        // subscription row the fan-out's audience query already reads, so
        // leaving blocked fans out costs it no extra lookup (a nullable
        // column without a default: no table rewrite). The restricted and
        // blocked lists walk their own partial index.
        PostgresMigration("restrictAndBlockFans", [
            "ALTER TABLE subscription ADD COLUMN restricted_at timestamptz, ADD COLUMN blocked_at timestamptz",
            "CREATE INDEX subscription_restricted ON subscription (creator_id, restricted_at, fan_id) WHERE restricted_at IS NOT NULL",
            "CREATE INDEX subscription_blocked ON subscription (creator_id, blocked_at, fan_id) WHERE blocked_at IS NOT NULL",
        ]),
    ]
}
