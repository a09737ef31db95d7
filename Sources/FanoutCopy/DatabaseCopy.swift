import FanoutPostgres
import FanoutSQL
import FanoutSQLite
import Foundation
import GRDB
import Logging
import PostgresNIO

/// Copies a whole SQLite database into an empty PostgreSQL one (`fanout
/// copy`): every table, ids kept, each sequence moved past the ids it has
/// handed out, in one PostgreSQL transaction (a failed copy leaves the
/// target as it was), read from one SQLite snapshot (a consistent state
/// even if a server writes meanwhile), a chunk of rows at a time (memory
/// stays flat whatever the size), counts verified at the end.
public struct DatabaseCopy: Sendable {
    public struct Report: Sendable, Equatable {
        /// Rows copied, by SQLite table name.
        public var rows: [String: Int]
        public var total: Int { rows.values.reduce(0, +) }
    }

    let source: AppDatabase
    let target: PostgresAppDatabase
    let logger: Logger
    let chunk: Int

    public init(from source: AppDatabase, to target: PostgresAppDatabase, logger: Logger = Logger(label: "fanout.copy"), chunk: Int = 5_000) {
        self.source = source
        self.target = target
        self.logger = logger
        self.chunk = chunk
    }

    /// Copies; `progress(copied, total)` after each chunk.
    public func run(progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        let snapshot = try source.makeSnapshot()
        let counts = try await snapshot.read { db in
            try StorageSchema.copiedTables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0.name)") ?? 0 }
        }
        let total = counts.reduce(0, +)
        do {
            let report = try await target.clients.withTransaction(logger: logger) { pg in
                try await refuseNonEmpty(pg)
                var copied = 0
                for table in StorageSchema.copiedTables {
                    try await copy(table, from: snapshot, to: pg) { rows in
                        copied += rows
                        progress(copied, total)
                    }
                }
                try await continueFanOuts(from: snapshot, to: pg)
                try await moveSequences(from: snapshot, to: pg)
                return try await verify(pg, expected: counts)
            }
            // Statistics now, not when autovacuum gets to it: until then the
            // planner plans the read pages for empty tables.
            try await target.clients.query("ANALYZE", logger: logger)
            return report
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.commitError ?? error
        }
    }

    private func refuseNonEmpty(_ pg: PostgresConnection) async throws {
        for table in StorageSchema.copiedTables {
            let rows = try await pg.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table.name))"), logger: logger)
                .collect()
            if try rows.first?.decode(Bool.self) == true {
                throw CopyError("the target is not empty (table \(table.name) has rows): copy goes into a new, empty database")
            }
        }
    }

    /// Key-ordered chunks from the snapshot, each inserted with one `unnest`.
    private func copy(
        _ table: SchemaTable, from snapshot: DatabaseSnapshot, to pg: PostgresConnection, copied: (Int) -> Void
    ) async throws {
        let columns = table.copiedColumns.map(\.name).joined(separator: ", ")
        let keyList = table.key.joined(separator: ", ")
        let keyIndexes = table.key.map { key in table.copiedColumns.firstIndex { $0.name == key }! }
        var after: [DatabaseValue]? = nil
        while true {
            let bound = after
            let (buffers, count, last) = try await snapshot.read { db -> ([ColumnBuffer], Int, [DatabaseValue]?) in
                var sql = "SELECT \(columns) FROM \(table.name)"
                var arguments = StatementArguments()
                if let bound {
                    sql += " WHERE (\(keyList)) > (\(databaseQuestionMarks(count: bound.count)))"
                    arguments = StatementArguments(bound)
                }
                sql += " ORDER BY \(keyList) LIMIT \(chunk)"
                var buffers = table.copiedColumns.map { ColumnBuffer(kind: $0.kind) }
                var count = 0
                var last: [DatabaseValue]? = nil
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    for index in buffers.indices { buffers[index].append(row, at: index) }
                    last = keyIndexes.map { row[$0] as DatabaseValue }
                    count += 1
                }
                return (buffers, count, last)
            }
            guard count > 0 else { return }
            try await insert(table, buffers, into: pg)
            copied(count)
            guard count == chunk else { return }
            after = last
        }
    }

    private func insert(_ table: SchemaTable, _ buffers: [ColumnBuffer], into pg: PostgresConnection) async throws {
        var binds = PostgresBindings()
        var unnested: [String] = [], aliases: [String] = [], values: [String] = []
        for (index, buffer) in buffers.enumerated() {
            buffer.bind(into: &binds)
            unnested += ["$\(2 * index + 1)::\(buffer.arrayType)", "$\(2 * index + 2)::boolean[]"]
            aliases += ["v\(index)", "p\(index)"]
            values.append("CASE WHEN p\(index) THEN v\(index) END")
        }
        let sql = """
            INSERT INTO \(table.name) (\(table.copiedColumns.map(\.name).joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM unnest(\(unnested.joined(separator: ", "))) AS u (\(aliases.joined(separator: ", ")))
            """
        try await pg.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    /// A mass message still being sent goes on from SQLite's cursor: one
    /// open-ended fan-out slice each.
    private func continueFanOuts(from snapshot: DatabaseSnapshot, to pg: PostgresConnection) async throws {
        let sending = try await snapshot.read { db in
            try Row.fetchAll(db, sql: "SELECT id, fan_out_cursor FROM mass_message WHERE state = 'queued'").map { ($0[0] as Int64, $0[1] as Int64) }
        }
        for (id, cursor) in sending {
            try await pg.query("""
                INSERT INTO fan_out_slice (mass_message_id, slice, cursor, last_fan_id) VALUES (\(id), 0, \(cursor), \(Int64.max))
                """, logger: logger)
            try await pg.query("UPDATE mass_message SET fan_out_slices_left = 1 WHERE id = \(id)", logger: logger)
        }
    }

    /// Each identity sequence past the highest id copied and the highest
    /// SQLite handed out (message ids reserved for deliveries included).
    private func moveSequences(from snapshot: DatabaseSnapshot, to pg: PostgresConnection) async throws {
        let handedOut = try await snapshot.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence").map { ($0[0] as String, $0[1] as Int64) })
        }
        for table in StorageSchema.copiedTables where table.hasSequence {
            var floor = handedOut[table.name] ?? 0
            if table.name == "message" {
                floor = max(floor, try await snapshot.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(message_id) FROM mass_delivery") ?? 0 })
            }
            try await pg.query(PostgresQuery(unsafeSQL: """
                SELECT setval('\(table.name)_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table.name)), \(floor), 1),
                              GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table.name)), \(floor)) > 0)
                """), logger: logger)
        }
    }

    private func verify(_ pg: PostgresConnection, expected: [Int]) async throws -> Report {
        var report = Report(rows: [:])
        for (table, count) in zip(StorageSchema.copiedTables, expected) {
            let rows = try await pg.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table.name)"), logger: logger).collect()
            let copied = try rows[0].decode(Int.self)
            guard copied == count else {
                throw CopyError("table \(table.name) has \(copied) rows after the copy, SQLite's \(table.name) \(count)")
            }
            report.rows[table.name] = copied
        }
        return report
    }
}

/// Why a copy could not be made, in one line.
public struct CopyError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
