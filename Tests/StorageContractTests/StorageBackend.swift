import FanoutCore
import FanoutSQLite
import Foundation

/// Every storage backend the contract suite runs against. A new backend adds
/// a case here and must pass every contract.
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// A fresh, empty, migrated store of this kind.
    func makeStorage() throws -> any FanoutStorage {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-contract-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return SQLiteStorage(database: try AppDatabase(path: directory.appendingPathComponent("db.sqlite").path))
        }
    }
}

import Testing
