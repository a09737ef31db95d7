/// One step of the schema: named by intent, append-only, never edited once
/// landed (as SQLite's). Its statements run in order, one at a time
/// (postgres-nio sends each as one extended-protocol query, which holds one
/// statement).
public struct PostgresMigration: Sendable {
    public let name: String
    public let statements: [String]

    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}
