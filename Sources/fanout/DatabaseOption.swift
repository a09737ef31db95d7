import ArgumentParser
import FanoutBootstrap

/// `--database FILE|URL`, or `FANOUT_DATABASE`: an SQLite file, or a
/// PostgreSQL database named by a postgres:// (postgresql://) URL.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "SQLite database file, or postgres://USER:PASSWORD@HOST:PORT/DB?sslmode=… (env FANOUT_DATABASE).")
    var database: String?

    func location(default defaultPath: String? = nil) throws -> DatabaseLocation {
        guard let text = database ?? Environment.value("FANOUT_DATABASE") ?? defaultPath else {
            throw ValidationError("Missing --database FILE|URL (or FANOUT_DATABASE)")
        }
        do { return try DatabaseLocation(text) } catch { throw ValidationError("--database: \(error)") }
    }
}
