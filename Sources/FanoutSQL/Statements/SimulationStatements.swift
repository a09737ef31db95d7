/// The fan simulator's reads whose text is the same on both engines.
public enum SimulationStatements {
    public static let creatorIDs = SQLStatement("SELECT id FROM app_user WHERE is_creator ORDER BY id", [])

    /// Blocked fans cannot write to the creator: they are not played.
    public static func activeFanIDs(creatorID: Int64, limit: Int) -> SQLStatement {
        SQLStatement(
            "SELECT fan_id FROM subscription WHERE creator_id = ? AND is_active AND blocked_at IS NULL ORDER BY fan_id LIMIT ?",
            [.integer(creatorID), .integer(Int64(limit))])
    }

    /// The creator's newest opened, priced, unbought messages: message id, fan id.
    public static func purchasableMessages(creatorID: Int64, limit: Int) -> SQLStatement {
        SQLStatement("""
            SELECT m.id, c.fan_id FROM chat c JOIN message m ON m.chat_id = c.id
            WHERE c.creator_id = ? AND m.from_user_id = c.creator_id AND NOT m.is_tip
              AND m.opened_at IS NOT NULL AND m.price_cents > 0 AND m.purchased_at IS NULL
            ORDER BY m.id DESC LIMIT ?
            """, [.integer(creatorID), .integer(Int64(limit))])
    }
}
