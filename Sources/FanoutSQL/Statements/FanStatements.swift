import FanoutCore
import Foundation

/// A creator's fans as people: look-ups, search, and what the creator
/// decided about them (restricted, blocked: dates on the fan's subscription
/// row, which the fan-out's audience query already reads). Each select
/// returns `FanStatements.columns`; the search differs only in how text is
/// folded (`SQLDialect.folded`).
public enum FanStatements {
    /// id, name, username, avatar, is_verified, subscribed now, restricted,
    /// blocked, the creator's note and nickname (null: none): of user `u`,
    /// their subscription `s` (or none) to the creator and its `details`.
    static let columns = """
        u.id, u.name, u.username, u.avatar, u.is_verified, COALESCE(s.is_active, FALSE),
        s.restricted_at IS NOT NULL, s.blocked_at IS NOT NULL, d.notice, d.display_name
        """

    /// The creator's note and nickname of subscription `s`'s fan.
    static let details = "LEFT JOIN subscriber_detail d ON d.creator_id = s.creator_id AND d.fan_id = s.fan_id"

    /// Those of `ids` the creator may see, as `SubscriberStatements.visibleUser`
    /// has it: the creator, a fan, someone they chat with. `ids` is short
    /// (the routes take at most 10): one placeholder each.
    public static func visibleUsers(creatorID: Int64, ids: [Int64]) -> SQLStatement {
        let marks = ids.indices.map { "?\($0 + 2)" }.joined(separator: ", ")
        return SQLStatement("""
            SELECT \(columns) FROM app_user u
            LEFT JOIN subscription s ON s.creator_id = ?1 AND s.fan_id = u.id \(details)
            WHERE u.id IN (\(marks))
              AND (u.id = ?1 OR s.fan_id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM chat WHERE creator_id = ?1 AND fan_id = u.id)
                   OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = ?1 AND fan_id = u.id))
            ORDER BY u.id
            """, [.integer(creatorID)] + ids.map { .integer($0) })
    }

    /// The creator's fans (subscribed now or before) whose folded name or
    /// username contains `needle` (folded by the caller as `dialect` folds
    /// columns), newest subscription first: one page (+1).
    public static func search(creatorID: Int64, needle: String, page: PageRequest, dialect: SQLDialect) -> SQLStatement {
        SQLStatement("""
            SELECT \(columns) FROM subscription s JOIN app_user u ON u.id = s.fan_id \(details)
            WHERE s.creator_id = ?1
              AND (\(dialect.position(of: "?2", in: dialect.folded("u.name"))) > 0
                   OR \(dialect.position(of: "?2", in: dialect.folded("u.username"))) > 0)
            ORDER BY s.subscribed_at DESC, s.fan_id DESC LIMIT ?3 OFFSET ?4
            """, [.integer(creatorID), .text(needle), .integer(Int64(page.limit) + 1), .integer(Int64(page.offset))])
    }

    /// What the creator decided about a fan, one column of their subscription row.
    public enum Mark: String, Sendable {
        case restricted = "restricted_at", blocked = "blocked_at"
    }

    /// One page (+1) of the fans bearing `mark`, latest first (the partial
    /// indexes `subscription_restricted` and `subscription_blocked`).
    public static func marked(_ mark: Mark, creatorID: Int64, page: PageRequest) -> SQLStatement {
        SQLStatement("""
            SELECT \(columns) FROM subscription s JOIN app_user u ON u.id = s.fan_id \(details)
            WHERE s.creator_id = ? AND s.\(mark.rawValue) IS NOT NULL
            ORDER BY s.\(mark.rawValue) DESC, s.fan_id DESC LIMIT ? OFFSET ?
            """, [.integer(creatorID), .integer(Int64(page.limit) + 1), .integer(Int64(page.offset))])
    }

    /// Sets `mark` on the fan's subscription (`at`; a second time keeps the
    /// first date) or clears it (nil). One row back when the user is the
    /// creator's fan, none otherwise.
    public static func setMark(_ mark: Mark, creatorID: Int64, fanID: Int64, at: Date?) -> SQLStatement {
        if let at {
            SQLStatement("""
                UPDATE subscription SET \(mark.rawValue) = COALESCE(\(mark.rawValue), ?)
                WHERE creator_id = ? AND fan_id = ? RETURNING 1
                """, [.date(at), .integer(creatorID), .integer(fanID)])
        } else {
            SQLStatement(
                "UPDATE subscription SET \(mark.rawValue) = NULL WHERE creator_id = ? AND fan_id = ? RETURNING 1",
                [.integer(creatorID), .integer(fanID)])
        }
    }

    /// The creator's lists each of `fanIDs` is on (fan_id, list id, list
    /// name), oldest list first. `fanIDs` is one page: one placeholder each.
    public static func lists(creatorID: Int64, fanIDs: [Int64]) -> SQLStatement {
        let marks = fanIDs.map { _ in "?" }.joined(separator: ", ")
        return SQLStatement("""
            SELECT m.fan_id, l.id, l.name FROM user_list l JOIN user_list_member m ON m.list_id = l.id
            WHERE l.creator_id = ? AND m.fan_id IN (\(marks)) ORDER BY l.id
            """, [.integer(creatorID)] + fanIDs.map { .integer($0) })
    }

    /// Whether the creator restricted the fan (no row: never subscribed, not restricted).
    public static func isRestricted(creatorID: Int64, fanID: Int64) -> SQLStatement {
        SQLStatement(
            "SELECT EXISTS (SELECT 1 FROM subscription WHERE creator_id = ? AND fan_id = ? AND restricted_at IS NOT NULL)",
            [.integer(creatorID), .integer(fanID)])
    }

    /// Whether the fan subscribes now and whether the creator blocked them;
    /// no row for a user who never subscribed.
    public static func standing(creatorID: Int64, fanID: Int64) -> SQLStatement {
        SQLStatement(
            "SELECT is_active, blocked_at IS NOT NULL FROM subscription WHERE creator_id = ? AND fan_id = ?",
            [.integer(creatorID), .integer(fanID)])
    }
}

extension FanStanding {
    /// From `FanStatements.standing`'s row (nil: none).
    public init(isActive: Bool?, isBlocked: Bool) {
        if isBlocked { self = .blocked } else if let isActive { self = isActive ? .subscribed : .lapsed } else { self = .stranger }
    }
}
