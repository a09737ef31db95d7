import FanoutCore
import Foundation
import GRDB

extension SQLiteStorage {
    /// Fans and their subscriptions generated in SQL, 100,000 to a
    /// transaction: nothing is built in memory, whatever the size.
    public func importAudience(_ audience: DemoAudience, progress: @Sendable (Int) -> Void) async throws {
        try await addCreator(audience.creator)
        var written = 0
        for run in audience.idRuns(of: 100_000) {
            let (first, last) = (run.lowerBound, run.upperBound)
            try await write { db in
                let series = "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)"
                try db.execute(
                    sql: series + " INSERT INTO app_user (id, name, username, avatar, is_verified, is_creator) SELECT i, 'Fan ' || i, 'fan' || i, NULL, 0, 0 FROM n",
                    arguments: [first, last])
                try db.execute(
                    sql: series + " INSERT INTO subscription (creator_id, fan_id, subscribed_at, is_active) SELECT ?3, i, ?4, 1 FROM n",
                    arguments: [first, last, audience.creator.id, audience.since])
            }
            written += run.count
            progress(written)
        }
    }
}
