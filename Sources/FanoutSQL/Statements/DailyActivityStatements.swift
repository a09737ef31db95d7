/// Rebuilding the analytics tallies (demo import); the engines differ only
/// in how a timestamp becomes its UTC day.
public enum DailyActivityStatements {
    /// Every tally rebuilt from the messages, deliveries and purchases, in order.
    public static func derive(_ dialect: SQLDialect) -> [SQLStatement] {
        [
            SQLStatement("DELETE FROM daily_activity", []),
            SQLStatement("""
                INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
                SELECT c.creator_id, CASE WHEN m.mass_message_id IS NULL THEN 'direct_messages' ELSE 'group_messages' END,
                       \(dialect.utcDay("m.created_at")), COUNT(*), 0
                FROM message m JOIN chat c ON c.id = m.chat_id
                WHERE m.from_user_id = c.creator_id
                GROUP BY 1, 2, 3
                """, []),
            SQLStatement("""
                INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
                SELECT d.creator_id, 'group_messages', \(dialect.utcDay("COALESCE(mm.sent_at, mm.created_at)")), COUNT(*), 0
                FROM mass_delivery d JOIN mass_message mm ON mm.id = d.mass_message_id
                GROUP BY 1, 2, 3
                ON CONFLICT (creator_id, kind, day) DO UPDATE SET count = daily_activity.count + excluded.count
                """, []),
            SQLStatement("""
                INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
                SELECT creator_id, CASE WHEN mass_message_id IS NULL THEN 'direct_messages_purchases' ELSE 'group_messages_purchases' END,
                       \(dialect.utcDay("created_at")), COUNT(*), SUM(amount_cents)
                FROM purchase GROUP BY 1, 2, 3
                """, []),
        ]
    }
}

extension SQLDialect {
    /// The UTC day of a timestamp column as `YYYY-MM-DD` (SQLite stores
    /// dates as UTC text already).
    public func utcDay(_ column: String) -> String {
        switch self {
        case .sqlite: "date(\(column))"
        case .postgres: "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
    }
}
