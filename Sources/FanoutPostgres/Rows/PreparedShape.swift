import PostgresNIO

/// A query whose SQL never changes, only its parameters: prepared once per
/// connection and then only bound and executed. PostgreSQL plans an
/// unnamed statement anew on every call; for the hot read pages that
/// planning (1.3–1.7 ms for the chat page) cost more than running them
/// (0.2 ms), so those are written once as a shape each.
/// Both are asked for on every call (by postgres-nio), so both are stored
/// constants, not built strings.
protocol PreparedShape: Sendable {
    static var name: String { get }
    static var sql: String { get }
}

/// A prepared statement of `Shape`'s SQL with this call's parameters; its
/// rows come back undecoded.
struct Prepared<Shape: PreparedShape>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var name: String { Shape.name }
    static var sql: String { Shape.sql }

    var bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

extension PostgresConnection {
    /// Every row of the prepared `shape`, with `bind` appending its parameters in order.
    func rows<Shape: PreparedShape>(_ shape: Shape.Type, _ logger: Logger, _ bind: (inout PostgresBindings) -> Void) async throws -> [PostgresRow] {
        var bindings = PostgresBindings()
        bind(&bindings)
        var rows: [PostgresRow] = []
        for try await row in try await execute(Prepared<Shape>(bindings: bindings), logger: logger) { rows.append(row) }
        return rows
    }
}
