import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage {
    /// Rebuilds every tally from the messages and purchases (demo import).
    static func deriveDailyActivity(_ db: Database) throws {
        for statement in DailyActivityStatements.derive(.sqlite) { try db.execute(statement) }
    }
}
