import FanoutCore
import FanoutSQL
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
            var select = IdempotencyStatements.select(connectionID: connectionID, key: key)
            select.sql += " FOR UPDATE"
            let row = try await db.rows(select, logger)[0]
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
        try await read { db in try await db.run(IdempotencyStatements.finish(claim, response: response), logger) }
    }

    public func releaseIdempotentRequest(_ claim: IdempotencyClaim) async throws -> Bool {
        try await read { db in try await db.run(IdempotencyStatements.release(claim), logger) > 0 }
    }

    public func purgeIdempotencyKeys(takenBefore date: Date) async throws -> Int {
        try await read { db in try await db.run(IdempotencyStatements.purge(takenBefore: date), logger) }
    }

    /// Marks the key of `claim` written, in the caller's write transaction;
    /// throws (rolling the write back) when another attempt holds the key now.
    func markWritten(_ db: PostgresConnection, _ claim: IdempotencyClaim) async throws {
        let marked = try await db.run(IdempotencyStatements.markWritten(claim), logger)
        guard marked == 1 else { throw FanoutError.idempotencyKeyInUse(IdempotencyClaim.lostMessage) }
    }
}
