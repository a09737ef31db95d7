import GRDB

/// `fanout_fold(text)`: Unicode-aware lowercasing for case-insensitive search.
/// SQLite's own LIKE and lower() fold ASCII only; searching with
/// `instr(fanout_fold(text), folded needle)` also makes `%` and `_` literal.
enum TextFold {
    static let function = DatabaseFunction("fanout_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return fold(text)
    }

    static func fold(_ text: String) -> String { text.lowercased() }
}
