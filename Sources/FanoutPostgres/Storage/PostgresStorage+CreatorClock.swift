import FanoutCore
import FanoutSQL
import Foundation
import PostgresNIO

extension PostgresStorage: CreatorClockStore {
    public func creatorClockOffsets() async throws -> [Int64: TimeInterval] {
        try await read { db in
            var offsets: [Int64: TimeInterval] = [:]
            for row in try await db.rows(CreatorClockStatements.offsets, logger) {
                let (creatorID, offset) = try row.decode((Int64, Double).self)
                offsets[creatorID] = offset
            }
            return offsets
        }
    }

    public func advanceCreatorClock(creatorID: Int64, by seconds: TimeInterval, upTo maximum: TimeInterval) async throws -> TimeInterval? {
        try await write { db in
            try await db.value(Double.self, CreatorClockStatements.advance(creatorID: creatorID, by: seconds, upTo: maximum), logger)
                .flatMap { $0 <= maximum ? $0 : nil }
        }
    }
}

extension PostgresStorage {
    /// A scope as two binds: the one creator (or NULL), and the creators to leave out.
    static func arguments(_ scope: CreatorScope) -> (only: Int64?, allBut: [Int64]) {
        switch scope {
        case .only(let creatorID): (creatorID, [])
        case .allBut(let creatorIDs): (nil, Array(creatorIDs))
        }
    }
}
