import GRDB

extension AppDatabase {
    /// Every `table.column` of the migrated schema (SQLite's and GRDB's own
    /// tables left out): what `StorageSchema` describes, checked by the tests.
    public func columnNames() throws -> Set<String> {
        try pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
            var names: Set<String> = []
            for table in tables {
                for column in try db.columns(in: table) { names.insert("\(table).\(column.name)") }
            }
            return names
        }
    }
}
