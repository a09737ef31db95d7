/// One table as it is copied from SQLite to PostgreSQL: its name on each
/// side, its key (SQLite names; rows are read in key order, a chunk at a
/// time), and each column with the kind that says how to convert it.
struct CopyTable: Sendable {
    enum Kind: Sendable { case integer, text, boolean, date, real, bytes }

    struct Column: Sendable {
        var sqlite: String
        var postgres: String
        var kind: Kind
    }

    var sqlite: String
    var postgres: String
    var key: [String]
    var columns: [Column]
    /// Whether PostgreSQL's `id` takes its values from an identity sequence
    /// (moved past the copied ids at the end).
    var hasSequence: Bool

    init(_ sqlite: String, _ postgres: String, key: [String] = ["id"], sequence: Bool = true, _ columns: [(String, Kind)]) {
        self.sqlite = sqlite
        self.postgres = postgres
        self.key = key
        self.hasSequence = sequence
        self.columns = columns.map { Column(sqlite: $0.0, postgres: Self.snakeCase($0.0), kind: $0.1) }
    }

    /// `fanOutCursor` → `fan_out_cursor`; `video240Url` → `video240_url`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
