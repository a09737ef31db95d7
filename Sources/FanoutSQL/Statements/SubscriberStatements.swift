/// The subscribers' statements whose text is the same on both engines (the
/// searched page differs: text folding, and `IN` against `ANY`).
public enum SubscriberStatements {
    /// The user's profile when the creator may see them: the creator, a
    /// subscriber, a fan with a chat or a delivery.
    public static func visibleUser(creatorID: Int64, userID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT id, name, username, avatar, is_verified FROM app_user
            WHERE id = ?2 AND (id = ?1
                OR EXISTS (SELECT 1 FROM subscription WHERE creator_id = ?1 AND fan_id = ?2)
                OR EXISTS (SELECT 1 FROM chat WHERE creator_id = ?1 AND fan_id = ?2)
                OR EXISTS (SELECT 1 FROM mass_delivery WHERE creator_id = ?1 AND fan_id = ?2))
            """, [.integer(creatorID), .integer(userID)])
    }
}
