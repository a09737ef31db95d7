import PostgresNIO

extension PostgresAppDatabase {
    /// Every `table.column` of the migrated schema: what `StorageSchema`
    /// describes, checked by the tests.
    public func columnNames() async throws -> Set<String> {
        let rows = try await clients.query("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema()
            """, logger: logger)
        var names: Set<String> = []
        for try await name in rows.decode(String.self) { names.insert(name) }
        return names
    }
}
