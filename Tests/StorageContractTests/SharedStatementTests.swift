import FanoutSQL
import Testing

/// Shared SQL text runs on PostgreSQL with its placeholders.
@Suite struct SharedStatementTests {
    @Test func placeholdersBecomeNumberedOnPostgres() {
        #expect(SQLStatement("UPDATE t SET a = ?, b = ? WHERE id = ?", []).postgresText == "UPDATE t SET a = $1, b = $2 WHERE id = $3")
        #expect(SQLStatement("SELECT ?2, ?1 || ?12", []).postgresText == "SELECT $2, $1 || $12")
        // A question mark inside a literal is text, not a placeholder.
        #expect(SQLStatement("SELECT 'why?' || ?", []).postgresText == "SELECT 'why?' || $1")
    }
}
