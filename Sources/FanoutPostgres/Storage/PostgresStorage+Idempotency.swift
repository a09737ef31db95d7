import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: IdempotencyStore {
    public func beginIdempotentRequest(
        connectionID: String, key: IdempotencyKey, fingerprint: [UInt8], at now: Date
    ) async throws -> IdempotencyBegin {
        let claim = IdempotencyClaim(connectionID: connectionID, key: key, token: UUID().uuidString)
        let print = ByteBuffer(bytes: fingerprint)
        return try await transaction { db in
            // A new key is taken at once; of concurrent first requests one
            // inserts, the others wait for it and find its row below.
            let inserted = try await db.run("""
                INSERT INTO idempotency_key (connection_id, key, fingerprint, token, taken_at)
                VALUES (\(connectionID), \(key.value), \(print), \(claim.token), \(now))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger)
            if inserted > 0 { return .proceed(claim) }
            let row = try await db.rows("""
                SELECT fingerprint, taken_at, written, status, content_type, body FROM idempotency_key
                WHERE connection_id = \(connectionID) AND key = \(key.value) FOR UPDATE
                """, logger)[0]
            let (stored, takenAt, written, status, contentType, body) =
                try row.decode((ByteBuffer, Date, Bool, Int32?, String?, ByteBuffer?).self)
            let record = IdempotencyRecord(
                fingerprint: Array(stored.readableBytesView), takenAt: takenAt, written: written,
                response: status.map {
                    StoredResponse(status: Int($0), contentType: contentType ?? "application/json", body: body.map { Array($0.readableBytesView) } ?? [])
                })
            if let verdict = record.verdict(fingerprint: fingerprint, at: now) { return verdict }
            try await db.run("""
                UPDATE idempotency_key SET fingerprint = \(print), token = \(claim.token), taken_at = \(now),
                    written = false, status = NULL, content_type = NULL, body = NULL
                WHERE connection_id = \(connectionID) AND key = \(key.value)
                """, logger)
            return .proceed(claim)
        }
    }

    public func finishIdempotentRequest(_ claim: IdempotencyClaim, response: StoredResponse) async throws {
        try await read { db in
            try await db.run("""
                UPDATE idempotency_key SET status = \(Int32(response.status)), content_type = \(response.contentType),
                    body = \(ByteBuffer(bytes: response.body))
                WHERE connection_id = \(claim.connectionID) AND key = \(claim.key.value) AND token = \(claim.token)
                """, logger)
        }
    }

    public func releaseIdempotentRequest(_ claim: IdempotencyClaim) async throws -> Bool {
        try await read { db in
            try await db.run("""
                DELETE FROM idempotency_key
                WHERE connection_id = \(claim.connectionID) AND key = \(claim.key.value) AND token = \(claim.token) AND NOT written
                RETURNING 1
                """, logger) > 0
        }
    }

    public func purgeIdempotencyKeys(takenBefore date: Date) async throws -> Int {
        try await read { db in try await db.run("DELETE FROM idempotency_key WHERE taken_at < \(date) RETURNING 1", logger) }
    }

    /// Marks the key of `claim` written, in the caller's write transaction;
    /// throws (rolling the write back) when another attempt holds the key now.
    func markWritten(_ db: PostgresConnection, _ claim: IdempotencyClaim) async throws {
        let marked = try await db.run("""
            UPDATE idempotency_key SET written = true
            WHERE connection_id = \(claim.connectionID) AND key = \(claim.key.value) AND token = \(claim.token) AND status IS NULL
            RETURNING 1
            """, logger)
        guard marked == 1 else { throw FanoutError.idempotencyKeyInUse(IdempotencyClaim.lostMessage) }
    }
}
