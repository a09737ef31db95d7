import FanoutCore
import FanoutPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// The test cluster `scripts/test` starts (FANOUT_TEST_POSTGRES_URL), and a
/// fresh database on it per test, so suites run in parallel.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["FANOUT_TEST_POSTGRES_URL"]
    static var isAvailable: Bool { url != nil }
    /// The cluster's folder, where it also listens on a Unix socket (FANOUT_TEST_POSTGRES_DIR).
    static let socketDirectory = ProcessInfo.processInfo.environment["FANOUT_TEST_POSTGRES_DIR"]
    static let logger = Logger(label: "fanout.tests.postgres")

    /// The small demo (seed 7, dated from `anchor`) in a scratch database:
    /// its storage, the database, and the first organization's creator.
    static func withSmallDemo<T: Sendable>(
        prefix: String, anchor: Date, _ body: @Sendable (PostgresStorage, PostgresAppDatabase, Int64) async throws -> T
    ) async throws -> T {
        let server = try PostgresURL(try #require(url))
        return try await PostgresAppDatabase.withScratchDatabase(on: server, prefix: prefix, logger: logger) { database in
            let storage = PostgresStorage(database: database)
            var builder = DemoDatasetBuilder(seed: 7, anchor: anchor, size: .small)
            let credentials = try await OperatorService(storage: storage).seedDemo(builder.build())
            return try await body(storage, database, credentials.organizations[0].connections[0].creatorID)
        }
    }

    /// A new, empty database, dropped after `body`.
    static func withDatabase<T>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        let server = try PostgresURL(try #require(url))
        let name = "fanout_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        var fresh = server
        fresh.database = name
        try await withClient(server) { admin -> Void in
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        do {
            let result = try await body(fresh)
            try await drop(fresh, on: server)
            return result
        } catch {
            try? await drop(fresh, on: server)
            throw error
        }
    }

    /// A running client for `body` (as a `Service` would run it), shut down after.
    @discardableResult
    static func withClient<T: Sendable>(_ url: PostgresURL, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: url.configuration(), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    private static func drop(_ database: PostgresURL, on server: PostgresURL) async throws {
        let name = database.database!
        try await withClient(server) { admin -> Void in
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }
}
