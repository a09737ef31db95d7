import FanoutCore
import FanoutPostgres
import FanoutTestSupport
import Foundation
import PostgresNIO
import Testing

/// The read pages' plans come from the planner's statistics: a fan-out that
/// grows `mass_delivery` by a tenth or more leaves them fresh, instead of
/// waiting for autovacuum (up to a minute of plans made for a table far
/// smaller, or empty, as the first fan-out after the demo import found it).
@Suite(.needsPostgreSQL)
struct PostgresStatisticsTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aLargeFanOutLeavesFreshDeliveryStatistics() async throws {
        try await TestPostgres.withSmallDemo(prefix: "fanout_statistics", anchor: Self.anchor) { storage, database, creatorID in
            let worker = FanOutWorker(store: storage, clock: ManualClock(Self.anchor), batchSize: 500)
            _ = try await worker.drain()  // the demo's own queued one
            let sent = try await storage.createMassMessage(MassMessageDraft(text: "To everyone"), creatorID: creatorID, at: Self.anchor)
            _ = try await worker.drain()

            let estimate = try await Self.number(database.clients.current, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'mass_delivery'::regclass")
            let rows = try await Self.number(database.clients.current, "SELECT count(*) FROM mass_delivery")
            #expect(sent.total > 0 && rows >= sent.total)
            #expect(estimate == rows, "the planner knows every delivery row")
        }
    }

    static func number(_ client: PostgresClient, _ sql: String) async throws -> Int {
        var result = -1
        for try await n in try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger).decode(Int.self) { result = n }
        return result
    }
}
