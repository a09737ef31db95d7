import FanoutCore
import Foundation
import PostgresNIO

extension PostgresStorage: SandboxClockStore {
    public func clockOffset() async throws -> TimeInterval {
        try await read { db in try await db.value(Double.self, "SELECT offset_seconds FROM sandbox_clock", logger) ?? 0 }
    }

    public func advanceClockOffset(by seconds: TimeInterval) async throws -> TimeInterval {
        try await read { db in
            try await db.value(Double.self, """
                UPDATE sandbox_clock SET offset_seconds = offset_seconds + \(seconds) RETURNING offset_seconds
                """, logger) ?? 0
        }
    }
}
