import Foundation

/// One fan-out batch of mass message `massMessageID` delivered to `count`
/// fans; `finished` when it was the mass message's last.
public struct FanOutBatch: Sendable {
    public var creatorID: Int64, massMessageID: Int64, count: Int
    public var finished: Bool
    public var at: Date

    public init(creatorID: Int64, massMessageID: Int64, count: Int, finished: Bool, at: Date) {
        (self.creatorID, self.massMessageID, self.count, self.finished, self.at) = (creatorID, massMessageID, count, finished, at)
    }

    /// The deliveries count as group messages of the day; the last batch
    /// tells the creator's connections the mass message was sent. (The
    /// delivery rows and the mass message's own progress are the engine's:
    /// a bulk insert, and a cursor or slices.)
    public var effects: [WriteEffect] {
        var effects = WriteEffect.tally(creatorID: creatorID, kind: .groupMessages, at: at, count: Int64(count))
        if finished { effects.append(.event(.massMessageSent, creatorID: creatorID, subjectID: massMessageID, fanID: nil, at: at)) }
        return effects
    }
}
