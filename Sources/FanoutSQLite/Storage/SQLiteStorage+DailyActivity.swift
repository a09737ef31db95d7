import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage {
    /// Adds to one day's tally of one kind (in the caller's transaction).
    static func tally(_ db: Database, creatorID: Int64, kind: ActivityKind, at date: Date, count: Int, grossCents: Int64 = 0) throws {
        guard count != 0 else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO dailyActivity (creatorId, kind, day, count, grossCents) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (creatorId, kind, day) DO UPDATE SET count = count + excluded.count, grossCents = grossCents + excluded.grossCents
            """)
        try statement.execute(arguments: [creatorID, kind.rawValue, DayRange.key(date), count, grossCents])
    }

    /// Rebuilds every tally from the messages and purchases (demo import).
    static func deriveDailyActivity(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM dailyActivity;
            INSERT INTO dailyActivity (creatorId, kind, day, count, grossCents)
            SELECT c.creatorId, CASE WHEN m.massMessageId IS NULL THEN 'direct_messages' ELSE 'group_messages' END,
                   date(m.createdAt), COUNT(*), 0
            FROM message m JOIN chat c ON c.id = m.chatId
            WHERE m.fromUserId = c.creatorId
            GROUP BY 1, 2, 3;
            INSERT INTO dailyActivity (creatorId, kind, day, count, grossCents)
            SELECT d.creatorId, 'group_messages', date(COALESCE(mm.sentAt, mm.createdAt)), COUNT(*), 0
            FROM massDelivery d JOIN massMessage mm ON mm.id = d.massMessageId
            GROUP BY 1, 2, 3
            ON CONFLICT (creatorId, kind, day) DO UPDATE SET count = count + excluded.count;
            INSERT INTO dailyActivity (creatorId, kind, day, count, grossCents)
            SELECT creatorId, CASE WHEN massMessageId IS NULL THEN 'direct_messages_purchases' ELSE 'group_messages_purchases' END,
                   date(createdAt), COUNT(*), SUM(amountCents)
            FROM purchase GROUP BY 1, 2, 3;
            """)
    }
}
