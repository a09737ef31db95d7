import Foundation
import Testing

/// A bad option of `fanout serve` is one line naming it, and exit status 1,
/// before anything opens.
@Suite struct ServeOptionsTests {
    @Test func aPostgresConnectionLimitBelowOneIsRefused() throws {
        for value in ["0", "-3", "many"] {
            let result = try SimulateCommandTests.run(["serve", "--database", "postgres://nobody@127.0.0.1:1/none", "--postgres-connections", value])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--postgres-connections"), "\(value): \(result.stderr)")
        }
    }
}
