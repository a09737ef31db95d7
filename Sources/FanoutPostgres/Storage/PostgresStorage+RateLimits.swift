import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: RateLimitStore {
    /// One statement: the bucket refilled to `now` (never backwards), a
    /// token taken when there is one, and whether there was, under the
    /// row's lock, so that two instances cannot both take the last token.
    public func takeToken(connectionID: String, limit: RateLimit, at now: Date) async throws -> TokenBucket.Decision {
        try await read { db in
            let row = try await db.rows(TakeToken.self, logger) {
                $0.append(connectionID); $0.append(Double(limit.burst)); $0.append(Double(limit.perMinute) / 60); $0.append(now)
            }[0]
            let (tokens, allowed) = try row.decode((Double, Bool).self)
            return TokenBucket.decision(limit: limit, allowed: allowed, tokensAfter: tokens)
        }
    }

    /// $1 connection, $2 burst, $3 tokens a second, $4 now.
    enum TakeToken: PreparedShape {
        static let name = "fanout.takeToken"
        /// The stored bucket refilled to now (a clock behind it refills nothing).
        static let refilled = """
            LEAST($2::double precision, b.tokens
                  + GREATEST(0, EXTRACT(EPOCH FROM ($4::timestamptz - b.updated_at)))::double precision * $3::double precision)
            """

        static let sql = """
            INSERT INTO rate_limit_bucket AS b (connection_id, tokens, updated_at, allowed)
            VALUES ($1, $2::double precision - 1, $4::timestamptz, true)
            ON CONFLICT (connection_id) DO UPDATE SET
                tokens = \(refilled) - CASE WHEN \(refilled) >= 1 THEN 1 ELSE 0 END,
                allowed = \(refilled) >= 1,
                updated_at = GREATEST(b.updated_at, $4::timestamptz)
            RETURNING b.tokens, b.allowed
            """
    }
}
