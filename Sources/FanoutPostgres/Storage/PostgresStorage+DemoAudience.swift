import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage {
    /// Fans and their subscriptions generated in SQL (`generate_series`),
    /// 100,000 to a transaction: nothing is built in memory, whatever the size.
    public func importAudience(_ audience: DemoAudience, progress: @Sendable (Int) -> Void) async throws {
        try await addCreator(audience.creator)
        var written = 0
        for run in audience.idRuns(of: 100_000) {
            let (first, last) = (run.lowerBound, run.upperBound)
            try await write { db in
                try await db.run("""
                    INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator)
                    SELECT i, 'Fan ' || i, 'fan' || i, NULL, false, false FROM generate_series(\(first), \(last)) AS i
                    """, logger)
                try await db.run("""
                    INSERT INTO subscription (creator_id, fan_id, subscribed_at, is_active)
                    SELECT \(audience.creator.id), i, \(audience.since), true FROM generate_series(\(first), \(last)) AS i
                    """, logger)
            }
            written += run.count
            progress(written)
        }
        try await read { db in try await db.run("ANALYZE app_user, subscription", logger) }
    }
}
