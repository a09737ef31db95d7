import FanoutCore

/// The analytics statements whose text is the same on both engines (the
/// mass-message pages are read through each engine's row reader).
public enum AnalyticsStatements {
    /// The creator's tallies of `kind` over `days`: day, count, gross cents.
    public static func dailyActivity(creatorID: Int64, kind: ActivityKind, days: ClosedRange<String>) -> SQLStatement {
        SQLStatement(
            "SELECT day, count, gross_cents FROM daily_activity WHERE creator_id = ? AND kind = ? AND day BETWEEN ? AND ?",
            [.integer(creatorID), .text(kind.rawValue), .text(days.lowerBound), .text(days.upperBound)])
    }

    /// A page of the mass message's buyers before purchase `marker`, newest
    /// first (one more than the page): the buyer's profile, the purchase id.
    public static func buyers(massMessageID: Int64, before marker: Int64?, page: PageRequest) -> SQLStatement {
        SQLStatement("""
            SELECT u.id, u.name, u.username, u.avatar, u.is_verified, p.id AS purchase_id FROM purchase p JOIN app_user u ON u.id = p.fan_id
            WHERE p.mass_message_id = ? AND p.id < ? ORDER BY p.id DESC LIMIT ? OFFSET ?
            """, [.integer(massMessageID), .integer(marker ?? .max), .integer(Int64(page.limit) + 1), .integer(Int64(page.offset))])
    }

    /// The creator's purchase: the buyer's profile, message id, mass message
    /// id, amount, when.
    public static func purchase(id: Int64, creatorID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT u.id, u.name, u.username, u.avatar, u.is_verified, p.message_id, p.mass_message_id, p.amount_cents, p.created_at AS purchased_at
            FROM purchase p JOIN app_user u ON u.id = p.fan_id WHERE p.id = ? AND p.creator_id = ?
            """, [.integer(id), .integer(creatorID)])
    }
}
