import FanoutSQL
import FanoutTestSupport
import Testing

/// `StorageSchema` is the one description of the schema besides the
/// migrations (`fanout copy` derives its plan from it): every backend's
/// migrated database has exactly its tables and columns, by the same names,
/// plus what the description says that engine alone has.
@Suite struct StorageSchemaTests {
    @Test(arguments: StorageBackend.available)
    func theMigratedSchemaIsTheDescribedOne(backend: StorageBackend) async throws {
        let migrated = try await backend.migratedColumnNames()
        let engineOnly = backend == .sqlite ? StorageSchema.sqliteOnly : StorageSchema.postgresOnly
        let described = StorageSchema.sharedColumns.union(engineOnly)
        #expect(migrated.subtracting(described).sorted() == [], "migrated but not described in StorageSchema")
        #expect(described.subtracting(migrated).sorted() == [], "described but not migrated")
    }

    @Test func copiedTablesHaveTheirKeysAmongTheirCopiedColumns() {
        for table in StorageSchema.copiedTables {
            let names = Set(table.copiedColumns.map(\.name))
            #expect(table.key.allSatisfy(names.contains), "\(table.name)'s key")
        }
    }
}
