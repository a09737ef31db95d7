import FanoutCore
import FanoutPostgres
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL side of the benchmark.
/// `FanOutBenchmark postgres-baseline URL N`: the honest limit of a bulk
/// insert of N delivery-shaped rows into a table like `mass_delivery` (same
/// columns, key and index), from arrays (`unnest`, 100,000 rows a
/// statement), in one transaction; one JSON line.
/// `FanOutBenchmark postgres URL [N]`: that baseline, then a mass message
/// fanned out to N recipients in process, on a scratch database of URL's server.
enum PostgresFanOutBenchmark {
    static let logger = Logger(label: "fanout.bench")

    static func run(_ arguments: [String]) async throws {
        let url = try PostgresURL(arguments[1])
        let rows = arguments.dropFirst(2).first.flatMap(Int.init) ?? 1_000_000
        let baseline = try await PostgresAppDatabase.withScratchDatabase(on: url, prefix: "fanout_bench", logger: logger) { database in
            try await bulkInsertBaseline(database.clients.current, rows: rows)
        }
        if arguments[0] == "postgres-baseline" {
            print(#"{"rows": \#(rows), "seconds": \#(baseline)}"#)
            return
        }
        try await PostgresAppDatabase.withScratchDatabase(on: url, prefix: "fanout_bench", logger: logger) { database in
            let storage = PostgresStorage(database: database)
            let now = Date()
            let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
            try await storage.importAudience(DemoAudience(creator: creator, fans: rows, since: now.addingTimeInterval(-86_400))) { _ in }
            var start = ContinuousClock.now
            let message = try await storage.createMassMessage(MassMessageDraft(text: "Benchmark"), creatorID: 1, at: now)
            let resolved = FanOutBenchmark.seconds(since: start)
            let worker = FanOutWorker(
                store: storage, clock: SystemClock(), sizer: FanOutBatchSizer(initial: 1_000, maximum: 100_000, target: .milliseconds(100)))
            var batches = 0
            start = ContinuousClock.now
            while try await worker.deliverBatch() > 0 { batches += 1 }
            let fanOut = FanOutBenchmark.seconds(since: start)
            guard let done = try await storage.massMessage(id: message.id, creatorID: 1), done.sentCount == rows else {
                fatalError("fan-out incomplete")
            }
            print("recipients:                  \(rows)")
            print("baseline bulk insert (PG):   \(FanOutBenchmark.format(baseline)) s, \(Int(Double(rows) / baseline)) rows/s")
            print("count audience (SQL):        \(FanOutBenchmark.format(resolved)) s")
            print("fan-out:                     \(FanOutBenchmark.format(fanOut)) s in \(batches) batches = \(FanOutBenchmark.format(fanOut / baseline))x the baseline's time")
        }
    }

    /// N rows into a table shaped like `mass_delivery`, in one transaction.
    static func bulkInsertBaseline(_ client: PostgresClient, rows: Int) async throws -> Double {
        try await client.query("""
            CREATE TABLE bench_delivery (creator_id bigint NOT NULL, message_id bigint NOT NULL, fan_id bigint NOT NULL,
                mass_message_id bigint NOT NULL, PRIMARY KEY (creator_id, message_id))
            """, logger: logger)
        try await client.query("CREATE INDEX bench_delivery_chat ON bench_delivery (creator_id, fan_id, message_id)", logger: logger)
        let start = ContinuousClock.now
        try await client.withTransaction(logger: logger) { connection in
            for first in stride(from: 0, to: rows, by: 100_000) {
                let ids = (first..<min(first + 100_000, rows)).map { Int64($0) + 1 }
                let fans = ids.map { $0 + 10_000_000 }
                try await connection.query("""
                    INSERT INTO bench_delivery (creator_id, message_id, fan_id, mass_message_id)
                    SELECT 1, id, fan, 1 FROM unnest(\(ids), \(fans)) AS u (id, fan)
                    """, logger: logger)
            }
        }
        return FanOutBenchmark.seconds(since: start)
    }
}
