/// One table of Fanout's schema as both backends name it: its columns, each
/// with the kind of value it holds, and its key (rows are read in key order).
/// The engines differ in types (`DATETIME` text vs `timestamptz`, `BLOB` vs
/// `bytea`), never in names.
public struct SchemaTable: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case integer, text, boolean, date, real, bytes }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// Kept by the database itself (triggers), so never written or copied.
        public var isDerived: Bool
    }

    public var name: String
    public var key: [String]
    public var columns: [Column]
    /// Whether `id` is handed out by the database (SQLite's AUTOINCREMENT,
    /// PostgreSQL's identity sequence) rather than given by the writer.
    public var hasSequence: Bool
    /// Whether `fanout copy` moves its rows.
    public var isCopied: Bool

    public init(_ name: String, key: [String] = ["id"], sequence: Bool = true, copied: Bool = true, derived: Set<String> = [],
                _ columns: [(String, Kind)]) {
        self.name = name
        self.key = key
        self.hasSequence = sequence
        self.isCopied = copied
        self.columns = columns.map { Column(name: $0.0, kind: $0.1, isDerived: derived.contains($0.0)) }
    }

    /// The columns a copy reads and writes.
    public var copiedColumns: [Column] { columns.filter { !$0.isDerived } }
}
