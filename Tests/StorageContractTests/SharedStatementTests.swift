import FanoutSQL
import Testing

/// Shared SQL text runs on PostgreSQL with its placeholders.
@Suite struct SharedStatementTests {
    @Test func placeholdersBecomeNumberedOnPostgres() {
        #expect(SQLStatement("UPDATE t SET a = ?, b = ? WHERE id = ?", []).postgresText == "UPDATE t SET a = $1, b = $2 WHERE id = $3")
        #expect(SQLStatement("SELECT ?2, ?1 || ?12", []).postgresText == "SELECT $2, $1 || $12")
        // A question mark inside a literal is text, not a placeholder.
        #expect(SQLStatement("SELECT 'why?' || ?", []).postgresText == "SELECT 'why?' || $1")
        // Nor in a quoted identifier or a comment, whose apostrophe must not
        // start a literal that hides the placeholders after it.
        #expect(SQLStatement(#"SELECT "a?" FROM t -- the fan's row?\#nWHERE id = ? /* isn't ? */ AND n = ?"#, []).postgresText
            == #"SELECT "a?" FROM t -- the fan's row?\#nWHERE id = $1 /* isn't ? */ AND n = $2"#)
        // Text beyond ASCII passes through whole.
        #expect(SQLStatement("SELECT 'café ✓' || ?", []).postgresText == "SELECT 'café ✓' || $1")
    }
}
