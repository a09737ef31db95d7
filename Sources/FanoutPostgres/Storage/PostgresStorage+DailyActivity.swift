import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage {
    /// Adds to one day's tally of one kind (in the caller's transaction).
    static func tally(
        _ db: PostgresConnection, creatorID: Int64, kind: ActivityKind, at date: Date, count: Int, grossCents: Int64 = 0, logger: Logger
    ) async throws {
        guard count != 0 else { return }
        try await db.run("""
            INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
            VALUES (\(creatorID), \(kind.rawValue), \(DayRange.key(date)), \(count), \(grossCents))
            ON CONFLICT (creator_id, kind, day) DO UPDATE
            SET count = daily_activity.count + excluded.count, gross_cents = daily_activity.gross_cents + excluded.gross_cents
            """, logger)
    }

    /// Rebuilds every tally from the messages, deliveries and purchases (demo import).
    static func deriveDailyActivity(_ db: PostgresConnection, logger: Logger) async throws {
        let day = { (column: String) in "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD')" }
        try await db.run("DELETE FROM daily_activity", logger)
        try await db.run(PostgresQuery(unsafeSQL: """
            INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
            SELECT c.creator_id, CASE WHEN m.mass_message_id IS NULL THEN 'direct_messages' ELSE 'group_messages' END,
                   \(day("m.created_at")), COUNT(*), 0
            FROM message m JOIN chat c ON c.id = m.chat_id
            WHERE m.from_user_id = c.creator_id
            GROUP BY 1, 2, 3
            """), logger)
        try await db.run(PostgresQuery(unsafeSQL: """
            INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
            SELECT d.creator_id, 'group_messages', \(day("COALESCE(mm.sent_at, mm.created_at)")), COUNT(*), 0
            FROM mass_delivery d JOIN mass_message mm ON mm.id = d.mass_message_id
            GROUP BY 1, 2, 3
            ON CONFLICT (creator_id, kind, day) DO UPDATE SET count = daily_activity.count + excluded.count
            """), logger)
        try await db.run(PostgresQuery(unsafeSQL: """
            INSERT INTO daily_activity (creator_id, kind, day, count, gross_cents)
            SELECT creator_id, CASE WHEN mass_message_id IS NULL THEN 'direct_messages_purchases' ELSE 'group_messages_purchases' END,
                   \(day("created_at")), COUNT(*), SUM(amount_cents)
            FROM purchase GROUP BY 1, 2, 3
            """), logger)
    }
}
