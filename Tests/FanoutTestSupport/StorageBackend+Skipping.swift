import Foundation
import Testing

extension StorageBackend {
    /// Why a PostgreSQL test or case did not run: the one wording of every skip.
    public static let noPostgreSQL: Comment = "no PostgreSQL: set FANOUT_TEST_POSTGRES_URL (scripts/test starts one)"

    /// The test cluster's URL (FANOUT_TEST_POSTGRES_URL). Without one, ends
    /// the current test case as skipped (`Test.cancel`, not a failure) and
    /// prints a line saying so: Swift Testing 6.3 shows a cancelled case of a
    /// parameterized test as passed, and a skip nobody sees is a vanished case.
    public static func testClusterURL() throws -> String {
        if let postgresServer { return postgresServer }
        let test = Test.current?.name ?? "?"
        FileHandle.standardError.write(Data("➜ Test \(test) on postgres skipped: \"\(noPostgreSQL.rawValue)\"\n".utf8))
        try Test.cancel(noPostgreSQL)
    }
}

extension StorageBackend {
    /// Skips the case now when this backend cannot be reached: for a test
    /// that starts something (a receiver, a server) before it opens storage,
    /// so that nothing is left half-started when the case is skipped.
    public func skipUnlessReachable() throws {
        if self == .postgres { _ = try Self.testClusterURL() }
    }
}

extension Trait where Self == ConditionTrait {
    /// For a suite or test that needs the PostgreSQL test cluster: shown as
    /// skipped, with the reason, when FANOUT_TEST_POSTGRES_URL is not set.
    public static var needsPostgreSQL: Self { .enabled(if: StorageBackend.postgresServer != nil, StorageBackend.noPostgreSQL) }
}
