import FanoutCore
import Foundation

/// The note, nickname and discount kept per (creator, subscriber), the same on both engines.
public enum SubscriberDetailStatements {
    /// Writes the change's field(s) when the fan subscribes or subscribed to
    /// the creator; returns one row then, none otherwise.
    public static func update(creatorID: Int64, fanID: Int64, change: SubscriberDetailChange) -> SQLStatement {
        let columns: [String], values: [SQLValue]
        switch change {
        case .notice(let notice): (columns, values) = (["notice"], [.text(notice)])
        case .displayName(let name): (columns, values) = (["display_name"], [.text(name)])
        case .noticeAndDisplayName(let notice, let name): (columns, values) = (["notice", "display_name"], [.text(notice), .text(name)])
        case .discount(let discount):
            (columns, values) = (
                ["discount_percent", "discount_period", "discount_started_at"],
                [.integer(Int64(discount.percent)), .integer(Int64(discount.months)), .date(discount.startedAt)])
        }
        let marks = values.indices.map { "?\($0 + 3)" }.joined(separator: ", ")
        return SQLStatement("""
            INSERT INTO subscriber_detail (creator_id, fan_id, \(columns.joined(separator: ", ")))
            SELECT ?1, ?2, \(marks) WHERE EXISTS (SELECT 1 FROM subscription WHERE creator_id = ?1 AND fan_id = ?2)
            ON CONFLICT (creator_id, fan_id) DO UPDATE SET \(columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING fan_id
            """, [.integer(creatorID), .integer(fanID)] + values)
    }

    /// notice, display_name, discount_percent, discount_period,
    /// discount_started_at (null when none kept), the chat's spend (null
    /// without a chat), whether the fan subscribes or subscribed.
    public static func account(creatorID: Int64, fanID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT d.notice, d.display_name, d.discount_percent, d.discount_period, d.discount_started_at,
                   (SELECT spent_cents FROM chat WHERE creator_id = ?1 AND fan_id = ?2),
                   EXISTS (SELECT 1 FROM subscription WHERE creator_id = ?1 AND fan_id = ?2)
            FROM (SELECT 1 AS one) AS x LEFT JOIN subscriber_detail d ON d.creator_id = ?1 AND d.fan_id = ?2
            """, [.integer(creatorID), .integer(fanID)])
    }
}
