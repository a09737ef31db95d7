/// The 19 columns of a chat message, read by position, for both kinds of
/// row: `message` rows and the deliveries of mass messages no fan has acted
/// on yet (`mass_delivery`). A delivery takes its text and media from the
/// mass message, as does a message a delivery became.
public enum ChatMessageSelect {
    public static let messages = """
        SELECT m.id, m.from_user_id, m.price_cents, m.is_locked_text, m.is_tip, m.mass_message_id, m.created_at,
               m.changed_at, m.opened_at, m.purchased_at, m.is_liked, m.is_pinned,
               COALESCE(m.text, mm.text, '') AS body, mm.state AS queue_state, mm.sent_at AS queue_sent_at,
               c.creator_id, c.fan_id, sender.name AS sender_name,
               CASE WHEN m.mass_message_id IS NULL THEN m.media ELSE mm.media END AS media
        FROM message m
        JOIN chat c ON c.id = m.chat_id
        JOIN app_user sender ON sender.id = m.from_user_id
        LEFT JOIN mass_message mm ON mm.id = m.mass_message_id
        """

    /// A delivery is dated when its mass message started sending (the
    /// demo's half-sent one has no such date: when it was created), unless
    /// its batch was written later and dated itself (`DeliveryDate`), and is
    /// unopened, unbought, unliked and unpinned (acting on it makes it a
    /// message). `index` names the index SQLite walks (`INDEXED BY …`).
    public static func deliveries(_ dialect: SQLDialect, index: String = "") -> String {
        """
        SELECT d.message_id, d.creator_id, mm.price_cents, mm.is_locked_text, false, d.mass_message_id,
               COALESCE(d.delivered_at, mm.sent_at, mm.created_at), COALESCE(d.delivered_at, mm.sent_at, mm.created_at), \(dialect.nullDate), \(dialect.nullDate), false, false,
               mm.text, mm.state, mm.sent_at,
               d.creator_id, d.fan_id, sender.name, mm.media
        FROM mass_delivery d \(index)
        JOIN mass_message mm ON mm.id = d.mass_message_id
        JOIN app_user sender ON sender.id = d.creator_id
        """
    }
}
