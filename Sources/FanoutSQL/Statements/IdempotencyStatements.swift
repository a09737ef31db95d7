import FanoutCore
import Foundation

/// The idempotency keys' statements whose text is the same on both engines
/// (taking a key differs: SQLite's writer is serial, PostgreSQL locks the row).
public enum IdempotencyStatements {
    /// The stored request and response: fingerprint, taken at, written,
    /// status, content type, body.
    public static func select(connectionID: String, key: IdempotencyKey) -> SQLStatement {
        SQLStatement("""
            SELECT fingerprint, taken_at, written, status, content_type, body FROM idempotency_key
            WHERE connection_id = ? AND key = ?
            """, [.text(connectionID), .text(key.value)])
    }

    public static func finish(_ claim: IdempotencyClaim, response: StoredResponse) -> SQLStatement {
        SQLStatement(
            "UPDATE idempotency_key SET status = ?, content_type = ?, body = ? WHERE connection_id = ? AND key = ? AND token = ?",
            [
                .integer(Int64(response.status)), .text(response.contentType), .blob(response.body),
                .text(claim.connectionID), .text(claim.key.value), .text(claim.token),
            ])
    }

    /// Gives the key back unless its write happened; a row when it did.
    public static func release(_ claim: IdempotencyClaim) -> SQLStatement {
        SQLStatement(
            "DELETE FROM idempotency_key WHERE connection_id = ? AND key = ? AND token = ? AND NOT written RETURNING 1",
            [.text(claim.connectionID), .text(claim.key.value), .text(claim.token)])
    }

    /// A row per key purged.
    public static func purge(takenBefore date: Date) -> SQLStatement {
        SQLStatement("DELETE FROM idempotency_key WHERE taken_at < ? RETURNING 1", [.date(date)])
    }

    /// Marks the claim's key written; a row when the claim still holds it.
    public static func markWritten(_ claim: IdempotencyClaim) -> SQLStatement {
        SQLStatement(
            "UPDATE idempotency_key SET written = ? WHERE connection_id = ? AND key = ? AND token = ? AND status IS NULL RETURNING 1",
            [.bool(true), .text(claim.connectionID), .text(claim.key.value), .text(claim.token)])
    }
}
