import ArgumentParser

/// `--database FILE`, or `FANOUT_DATABASE`.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (env FANOUT_DATABASE).")
    var database: String?

    func path(default defaultPath: String? = nil) throws -> String {
        if let database { return database }
        if let value = Environment.value("FANOUT_DATABASE") { return value }
        if let defaultPath { return defaultPath }
        throw ValidationError("Missing --database FILE (or FANOUT_DATABASE)")
    }
}
