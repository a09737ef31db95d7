import FanoutCore
import FanoutSQLite
import Foundation
import GRDB

/// Fans one mass message out to N recipients (default 1,000,000) on a fresh
/// SQLite file and prints time, rows/s and peak RSS, with a baseline measured
/// in the same run: a plain bulk insert of N rows into a table shaped like a
/// delivery, one prepared statement in one transaction.
@main
struct FanOutBenchmark {
    static func main() async throws {
        let recipients = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()

        let baseline = try measure { try bulkInsertBaseline(path: directory.appendingPathComponent("baseline.sqlite").path, rows: recipients) }

        let storage = SQLiteStorage(database: try AppDatabase(path: directory.appendingPathComponent("fanout.sqlite").path))
        let dataset = DemoDataset.audience(creatorID: 1, fans: recipients, since: now.addingTimeInterval(-86_400))
        var start = ContinuousClock.now
        try await storage.importDemo(dataset)
        let imported = (value: (), seconds: seconds(since: start))
        let rssBeforeFanOut = memory().current

        start = ContinuousClock.now
        let message = try await storage.createMassMessage(MassMessageDraft(text: "Benchmark"), creatorID: 1, at: now)
        let created = (value: message, seconds: seconds(since: start))

        let worker = FanOutWorker(store: storage, clock: SystemClock(), batchSize: 1_000)
        var peakDuringFanOut = 0
        start = ContinuousClock.now
        while try await worker.deliverBatch() > 0 { peakDuringFanOut = max(peakDuringFanOut, memory().current) }
        let fanOut = (value: (), seconds: seconds(since: start))
        guard let done = try await storage.massMessage(id: message.id, creatorID: 1), done.sentCount == recipients else {
            fatalError("fan-out incomplete")
        }

        let baselineRate = Double(recipients) / baseline.seconds
        let fanOutRate = Double(recipients) / fanOut.seconds
        print("recipients:                     \(recipients)")
        print("baseline bulk insert:           \(format(baseline.seconds)) s, \(Int(baselineRate)) rows/s")
        print("import fans + subscriptions:    \(format(imported.seconds)) s")
        print("resolve recipients (SQL):       \(format(created.seconds)) s, \(Int(Double(recipients) / created.seconds)) rows/s")
        print("fan-out, batches of 1,000:      \(format(fanOut.seconds)) s, \(Int(fanOutRate)) deliveries/s")
        print("fan-out vs baseline:            \(format(fanOutRate / baselineRate))x of the baseline's rows/s")
        print("RSS before fan-out:             \(rssBeforeFanOut / 1024) MiB")
        print("RSS peak during fan-out:        \(peakDuringFanOut / 1024) MiB")
        print("RSS peak of the process:        \(memory().peak / 1024) MiB (includes the dataset built for the import)")
    }

    /// The baseline: N rows `(id, chatId, massMessageId, createdAt)` through one
    /// prepared statement in one transaction.
    static func bulkInsertBaseline(path: String, rows: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE delivery (id INTEGER PRIMARY KEY, chatId INTEGER, massMessageId INTEGER, createdAt DATETIME)")
            let statement = try db.makeStatement(sql: "INSERT INTO delivery (chatId, massMessageId, createdAt) VALUES (?, ?, ?)")
            let date = Date()
            for row in 0..<rows { try statement.execute(arguments: [row, 1, date]) }
        }
    }

    static func measure<T>(_ body: () throws -> T) throws -> (value: T, seconds: Double) {
        let start = ContinuousClock.now
        let value = try body()
        return (value, seconds(since: start))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Current and peak resident set size in KiB, from /proc/self/status.
    static func memory() -> (current: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
                .flatMap { Int($0) } ?? 0
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }
}
