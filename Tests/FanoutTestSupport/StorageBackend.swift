import FanoutCore
import FanoutPostgres
import FanoutSQLite
import Foundation
import Logging

/// Every storage backend the test suites run against: the storage contracts
/// and the HTTP suites take one as their first argument. A new backend adds
/// a case here and must pass them all.
public enum StorageBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    /// On the cluster `scripts/test` starts (FANOUT_TEST_POSTGRES_URL).
    case postgres

    public var description: String { rawValue }

    static let postgresServer = ProcessInfo.processInfo.environment["FANOUT_TEST_POSTGRES_URL"]

    /// Every backend, whether or not this run can reach it: without a test
    /// cluster the PostgreSQL cases skip themselves, saying so
    /// (`testClusterURL()`), instead of vanishing from the run.
    public static var available: [StorageBackend] { allCases }

    /// A fresh, empty, migrated store of this kind and its health check for
    /// `body`, removed after (a temporary SQLite file, or a database of its
    /// own on the test cluster).
    /// `waits`, when given, hears how long each storage call waited for the database.
    public func withStorage(
        waits: DatabaseWaits? = nil,
        _ body: @Sendable (any FanoutStorage, _ ping: @escaping @Sendable () async throws -> Void) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try AppDatabase(path: directory.appendingPathComponent("db.sqlite").path)
            try await StallWatch.phase("the test's body on SQLite") {
                try await body(SQLiteStorage(database: database, waits: waits)) { try database.ping() }
            }
        case .postgres:
            let server = try Self.testClusterURL()
            // Two phases: a stall in the outer one alone is in opening or closing the database.
            try await StallWatch.phase("a scratch PostgreSQL database (open, body, close)") {
                try await PostgresAppDatabase.withScratchDatabase(
                    on: try PostgresURL(server), prefix: "fanout_test", logger: Logger(label: "fanout.tests")
                ) { database in
                    try await StallWatch.phase("the test's body on PostgreSQL") {
                        try await body(PostgresStorage(database: database, waits: waits)) { try await database.ping() }
                    }
                }
            }
        }
    }

    /// The same, for tests that need no health check.
    public func withStorage(waits: DatabaseWaits? = nil, _ body: @Sendable (any FanoutStorage) async throws -> Void) async throws {
        try await withStorage(waits: waits) { storage, _ in try await body(storage) }
    }
}

struct MissingTestCluster: Error, CustomStringConvertible {
    var description: String { "FANOUT_TEST_POSTGRES_URL names no PostgreSQL (scripts/test starts one)" }
}
