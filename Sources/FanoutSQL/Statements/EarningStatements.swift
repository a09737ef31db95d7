import FanoutCore
import Foundation

/// The earnings ledger's statements, the same on both engines. Each read
/// names its columns in the order `EarningStatements.earningColumns` gives.
public enum EarningStatements {
    /// One ledger row; a replay of the same source writes nothing.
    public static func record(creatorID: Int64, fanID: Int64, kind: Earning.Kind, sourceID: Int64, amountCents: Int64, at date: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO earning (creator_id, fan_id, kind, source_id, amount_cents, created_at, day) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, source_id) DO NOTHING
            """, [.integer(creatorID), .integer(fanID), .text(kind.rawValue), .integer(sourceID), .integer(amountCents), .date(date),
                  .text(DayRange.key(date))])
    }

    /// Ledger rows for every tip and purchase that has none, oldest first (so
    /// ids follow time): the migration that adds the ledger, and the demo's import.
    public static func recordMissing(_ dialect: SQLDialect) -> SQLStatement {
        let day = switch dialect {
        case .sqlite: "substr(t.created_at, 1, 10)"
        case .postgres: "to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
        return SQLStatement("""
            INSERT INTO earning (creator_id, fan_id, kind, source_id, amount_cents, created_at, day)
            SELECT t.creator_id, t.fan_id, t.kind, t.source_id, t.amount_cents, t.created_at, \(day)
            FROM (SELECT c.creator_id, c.fan_id, 'tips' AS kind, m.id AS source_id, m.price_cents AS amount_cents, m.created_at
                  FROM message m JOIN chat c ON c.id = m.chat_id WHERE m.is_tip
                  UNION ALL
                  SELECT p.creator_id, p.fan_id, 'chat_messages', p.id, p.amount_cents, p.created_at FROM purchase p) t
            WHERE NOT EXISTS (SELECT 1 FROM earning e WHERE e.kind = t.kind AND e.source_id = t.source_id)
            ORDER BY t.created_at, t.source_id
            """, [])
    }

    /// id, kind, amount_cents, created_at, charged_back_at, then the fan
    /// (id, name, username, avatar, is_verified): columns 0-9.
    static let earningColumns = "e.id, e.kind, e.amount_cents, e.created_at, e.charged_back_at, u.id, u.name, u.username, u.avatar, u.is_verified"

    private static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// One page (+1) of the creator's earnings of `query.kinds` (not empty), newest first.
    public static func page(creatorID: Int64, query: EarningQuery) -> SQLStatement {
        var sql = "SELECT \(earningColumns) FROM earning e JOIN app_user u ON u.id = e.fan_id WHERE e.creator_id = ?"
        var arguments: [SQLValue] = [.integer(creatorID)]
        if let marker = query.marker { sql += " AND e.id < ?"; arguments.append(.integer(marker)) }
        if let since = query.since { sql += " AND e.created_at >= ?"; arguments.append(.date(since)) }
        if query.kinds.count < Earning.Kind.allCases.count {
            sql += " AND e.kind IN (\(marks(query.kinds.count)))"
            arguments += query.kinds.map { .text($0.rawValue) }
        }
        sql += " ORDER BY e.id DESC LIMIT ?"
        arguments.append(.integer(Int64(query.limit) + 1))
        return SQLStatement(sql, arguments)
    }

    /// day, gross cents, net cents per day of `days` (kinds not empty), standing earnings only.
    public static func days(creatorID: Int64, kinds: [Earning.Kind], days: DayRange) -> SQLStatement {
        let divisor = EarningSplit.feeDivisor
        return SQLStatement("""
            SELECT day, CAST(SUM(amount_cents) AS BIGINT), CAST(SUM(amount_cents - amount_cents / \(divisor)) AS BIGINT)
            FROM earning
            WHERE creator_id = ? AND day >= ? AND day <= ? AND charged_back_at IS NULL AND kind IN (\(marks(kinds.count)))
            GROUP BY day
            """, [.integer(creatorID), .text(DayRange.key(days.start)), .text(DayRange.key(days.end))] + kinds.map { .text($0.rawValue) })
    }

    /// chargeback id, created_at, then the earning's columns (2-11).
    static let chargebackSelect = """
        SELECT cb.id, cb.created_at, \(earningColumns)
        FROM chargeback cb JOIN earning e ON e.id = cb.earning_id JOIN app_user u ON u.id = e.fan_id
        """

    public static func chargebacks(creatorID: Int64, query: ChargebackQuery) -> SQLStatement {
        var sql = chargebackSelect + " WHERE cb.creator_id = ?"
        var arguments: [SQLValue] = [.integer(creatorID)]
        if let marker = query.marker { sql += " AND cb.id < ?"; arguments.append(.integer(marker)) }
        if let days = query.days {
            sql += " AND cb.created_at >= ? AND cb.created_at < ?"
            arguments += [.date(days.start), .date(days.end.addingTimeInterval(86_400))]
        }
        sql += " ORDER BY cb.id DESC LIMIT ?"
        arguments.append(.integer(Int64(query.limit) + 1))
        return SQLStatement(sql, arguments)
    }

    public static func chargeback(id: Int64) -> SQLStatement {
        SQLStatement(chargebackSelect + " WHERE cb.id = ?", [.integer(id)])
    }

    /// Marks the earning charged back, once; returns its fan, kind and amount.
    public static func markChargedBack(earningID: Int64, creatorID: Int64, at date: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE earning SET charged_back_at = ? WHERE id = ? AND creator_id = ? AND charged_back_at IS NULL
            RETURNING fan_id, kind, amount_cents
            """, [.date(date), .integer(earningID), .integer(creatorID)])
    }

    /// One row when the earning is the creator's (whatever its state).
    public static func exists(earningID: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("SELECT id FROM earning WHERE id = ? AND creator_id = ?", [.integer(earningID), .integer(creatorID)])
    }

    public static func insertChargeback(earningID: Int64, creatorID: Int64, at date: Date) -> SQLStatement {
        SQLStatement(
            "INSERT INTO chargeback (earning_id, creator_id, created_at) VALUES (?, ?, ?) RETURNING id",
            [.integer(earningID), .integer(creatorID), .date(date)])
    }

    public static func chatID(creatorID: Int64, fanID: Int64) -> SQLStatement {
        SQLStatement("SELECT id FROM chat WHERE creator_id = ? AND fan_id = ?", [.integer(creatorID), .integer(fanID)])
    }
}
