import GRDB

extension AppDatabase {
    /// Refuses a database this Fanout cannot serve: one migrated by a newer
    /// Fanout (its schema may have moved on: `shareOneVocabularyWithPostgres`
    /// renamed every table), or an SQLite older than the `RETURNING` and
    /// `ALTER TABLE … RENAME COLUMN` the storage and migrations use.
    static func checkOpenable(_ db: Database, migrator: DatabaseMigrator, path: String) throws {
        let version = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? ""
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        if parts.lexicographicallyPrecedes([3, 35]) {
            throw AppDatabaseOpenError(path: path, reason: "SQLite \(version) is too old: Fanout needs 3.35 or later")
        }
        if try migrator.hasBeenSuperseded(db) {
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            throw AppDatabaseOpenError(
                path: path, reason: "it was migrated by a newer Fanout (migrations \(unknown.joined(separator: ", "))): run that version")
        }
    }
}

/// Why a database file was refused at open.
public struct AppDatabaseOpenError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot open \(path): \(reason)" }
}
