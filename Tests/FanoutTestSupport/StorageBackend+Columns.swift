import FanoutPostgres
import FanoutSQLite
import Foundation
import Logging

extension StorageBackend {
    /// Every `table.column` of a freshly migrated database of this kind.
    public func migratedColumnNames() async throws -> Set<String> {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-columns-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try AppDatabase(path: path).columnNames()
        case .postgres:
            let server = try Self.testClusterURL()
            return try await PostgresAppDatabase.withScratchDatabase(
                on: try PostgresURL(server), prefix: "fanout_columns", logger: Logger(label: "fanout.tests")
            ) { database in try await database.columnNames() }
        }
    }
}
