import FanoutCore
import FanoutSQL
import Foundation
import GRDB

extension SQLiteStorage: CreatorClockStore {
    public func creatorClockOffsets() async throws -> [Int64: TimeInterval] {
        try await read { db in
            var offsets: [Int64: TimeInterval] = [:]
            for row in try db.run(CreatorClockStatements.offsets) {
                offsets[row[0]] = row[1]
            }
            return offsets
        }
    }

    public func advanceCreatorClock(creatorID: Int64, by seconds: TimeInterval, upTo maximum: TimeInterval) async throws -> TimeInterval? {
        try await write { db in
            try db.value(Double.self, CreatorClockStatements.advance(creatorID: creatorID, by: seconds, upTo: maximum))
                .flatMap { $0 <= maximum ? $0 : nil }
        }
    }
}

extension SQLiteStorage {
    /// A scope as two arguments: the one creator (or NULL), and a JSON array
    /// of creators to leave out (for `json_each`).
    static func arguments(_ scope: CreatorScope) -> (only: Int64?, allBut: String) {
        switch scope {
        case .only(let creatorID): (creatorID, "[]")
        case .allBut(let creatorIDs): (nil, "[" + creatorIDs.map(String.init).joined(separator: ",") + "]")
        }
    }
}
