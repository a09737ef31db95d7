import PostgresNIO

/// SQL put together from parts, each value bound as a parameter (`$n`),
/// never spliced into the text. A NULL is bound without a type: cast its
/// placeholder where PostgreSQL cannot infer one (`\(b.bind(x))::bigint IS NULL`).
struct QueryBuilder {
    private(set) var binds = PostgresBindings()

    /// Binds `value`; returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
