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

    @Test(arguments: [
        ("fanout.sqlite", "not a postgres:// or postgresql:// URL"),
        ("postgres:///fanout", "names no host"),
        ("postgres://localhost/fanout", "names no user"),
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
