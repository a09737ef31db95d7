import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage {
    /// Rebuilds every tally from the messages, deliveries and purchases (demo import).
    static func deriveDailyActivity(_ db: PostgresConnection, logger: Logger) async throws {
        for statement in DailyActivityStatements.derive(.postgres) { try await db.run(statement, logger) }
    }
}
