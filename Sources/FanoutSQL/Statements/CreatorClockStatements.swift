/// The sandbox's per-creator clock; the same text on both engines.
public enum CreatorClockStatements {
    /// Every creator's offset: creator id, seconds.
    public static let offsets = SQLStatement("SELECT creator_id, offset_seconds FROM creator_clock", [])

    /// Moves the creator's clock on by `seconds` unless that passes
    /// `maximum`; returns the new offset, no row when refused.
    public static func advance(creatorID: Int64, by seconds: Double, upTo maximum: Double) -> SQLStatement {
        SQLStatement("""
            INSERT INTO creator_clock AS k (creator_id, offset_seconds) VALUES (?, ?)
            ON CONFLICT (creator_id) DO UPDATE SET offset_seconds = k.offset_seconds + excluded.offset_seconds
            WHERE k.offset_seconds + excluded.offset_seconds <= ?
            RETURNING offset_seconds
            """, [.integer(creatorID), .double(seconds), .double(maximum)])
    }
}
