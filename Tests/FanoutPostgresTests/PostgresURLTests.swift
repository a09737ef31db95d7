import FanoutPostgres
import Testing

@Suite struct PostgresURLTests {
    @Test func readsEveryPartTheWayLibpqDoes() throws {
        let url = try PostgresURL("postgresql://fan%40out:p%2Fss@db.example:6543/fanout?sslmode=require")
        #expect(url.host == "db.example" && url.port == 6543 && url.database == "fanout")
        #expect(url.username == "fan@out" && url.password == "p/ss" && url.sslMode == .require)
        #expect(url.redacted == "postgres://fan@out:***@db.example:6543/fanout?sslmode=require", "never the password")

        let defaults = try PostgresURL("postgres://fanout@localhost")
        #expect(defaults.port == 5432 && defaults.database == nil && defaults.password == nil && defaults.sslMode == .prefer)
    }

    @Test func aHostThatIsADirectoryIsWhereTheUnixSocketIs() throws {
        let query = try PostgresURL("postgres://fanout@/fanout?host=/var/run/postgresql")
        #expect(query.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432" && query.database == "fanout")
        #expect(query.redacted == "postgres://fanout@:5432/fanout?host=/var/run/postgresql")

        let encoded = try PostgresURL("postgresql://fanout:secret@%2Ftmp%2Fpg%2F:6000/fanout")
        #expect(encoded.unixSocketPath == "/tmp/pg/.s.PGSQL.6000")
        #expect(!encoded.redacted.contains("secret"))

        #expect(try PostgresURL("postgres://fanout@db.example/fanout").unixSocketPath == nil)
    }

    @Test(arguments: [
        ("fanout.sqlite", "not a postgres:// or postgresql:// URL"),
        ("postgres:///fanout", "names no host"),
        ("postgres://localhost/fanout", "names no user"),
        ("postgres://u@/db?host=/run/pg&port=fifty", "port must be a number from 1 to 65535, not fifty"),
        ("postgres://u@localhost:99999/db", "port must be a number from 1 to 65535, not 99999"),
        ("postgres://u@localhost:0/db", "port must be a number from 1 to 65535, not 0"),
        ("postgres://u@localhost/db?sslmode=always", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, not always"),
    ])
    func aBadURLSaysWhatIsWrong(text: String, message: String) {
        #expect(throws: PostgresURLError.self) { try PostgresURL(text) }
        do { _ = try PostgresURL(text) } catch { #expect(error.description.contains(message), "\(error)") }
    }

    @Test func onlyPostgresSchemesArePostgres() {
        #expect(PostgresURL.isPostgres("postgres://u@h/d") && PostgresURL.isPostgres("postgresql://u@h/d"))
        #expect(!PostgresURL.isPostgres("fanout.sqlite") && !PostgresURL.isPostgres("/var/lib/postgres://x"))
    }
}
