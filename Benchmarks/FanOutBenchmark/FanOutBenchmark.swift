import FanoutCore
import FanoutSQLite
import Foundation
import GRDB
import GRDBSQLite

/// `FanOutBenchmark baseline N`: the honest limit of a bulk insert on this
/// machine — N rows of four integers shaped like a delivery, one prepared
/// statement with raw binds, one transaction — as one JSON line.
/// `FanOutBenchmark [N]`: that baseline, then one mass message fanned out to N
/// recipients in process (no HTTP), for profiling the fan-out on its own.
/// `scripts/bench` uses the first and times the fan-out through a server.
@main
struct FanOutBenchmark {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first?.hasPrefix("postgres") == true {
            return try await PostgresFanOutBenchmark.run(arguments)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        if arguments.first == "baseline" {
            let rows = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
            let seconds = try measure { try bulkInsertBaseline(path: directory.appendingPathComponent("baseline.sqlite").path, rows: rows) }
            print(#"{"rows": \#(rows), "seconds": \#(seconds)}"#)
            return
        }
        let recipients = arguments.first.flatMap(Int.init) ?? 1_000_000
        let baseline = try measure { try bulkInsertBaseline(path: directory.appendingPathComponent("baseline.sqlite").path, rows: recipients) }

        let storage = SQLiteStorage(database: try AppDatabase(path: directory.appendingPathComponent("fanout.sqlite").path))
        let now = Date()
        let creator = UserProfile(id: 1, name: "Creator", username: "creator", avatar: nil, isVerified: true)
        try await storage.importAudience(DemoAudience(creator: creator, fans: recipients, since: now.addingTimeInterval(-86_400))) { _ in }
        let rssBeforeFanOut = memory().current

        var start = ContinuousClock.now
        let message = try await storage.createMassMessage(MassMessageDraft(text: "Benchmark"), creatorID: 1, at: now)
        let resolved = seconds(since: start)

        let worker = FanOutWorker(
            store: storage, clock: SystemClock(), sizer: FanOutBatchSizer(initial: 1_000, maximum: 100_000, target: .milliseconds(15)))
        var peakDuringFanOut = 0, batches = 0
        start = ContinuousClock.now
        while try await worker.deliverBatch() > 0 {
            batches += 1
            peakDuringFanOut = max(peakDuringFanOut, memory().current)
        }
        let fanOut = seconds(since: start)
        guard let done = try await storage.massMessage(id: message.id, creatorID: 1), done.sentCount == recipients else {
            fatalError("fan-out incomplete")
        }
        print("recipients:                  \(recipients)")
        print("baseline bulk insert:        \(format(baseline)) s, \(Int(Double(recipients) / baseline)) rows/s")
        print("resolve recipients (SQL):    \(format(resolved)) s")
        print("fan-out:                     \(format(fanOut)) s in \(batches) batches = \(format(fanOut / baseline))x the baseline's time")
        print("RSS before / peak during:    \(rssBeforeFanOut / 1024) / \(peakDuringFanOut / 1024) MiB")
    }

    /// N rows `(id, chatId, massMessageId, createdAt)`, all integers, through
    /// one prepared statement bound with sqlite3_bind_int64, in one transaction.
    static func bulkInsertBaseline(path: String, rows: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE delivery (id INTEGER PRIMARY KEY, chatId INTEGER, massMessageId INTEGER, createdAt INTEGER)")
            let statement = try db.makeStatement(sql: "INSERT INTO delivery (chatId, massMessageId, createdAt) VALUES (?, ?, ?)")
            let handle = statement.sqliteStatement
            let createdAt = Int64(Date().timeIntervalSince1970)
            for row in 0..<Int64(rows) {
                sqlite3_bind_int64(handle, 1, row)
                sqlite3_bind_int64(handle, 2, 1)
                sqlite3_bind_int64(handle, 3, createdAt)
                guard sqlite3_step(handle) == SQLITE_DONE else { fatalError("insert failed") }
                sqlite3_reset(handle)
            }
        }
    }

    static func measure(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        return seconds(since: start)
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
