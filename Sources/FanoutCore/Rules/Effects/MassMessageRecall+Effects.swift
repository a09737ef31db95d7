import Foundation

/// A creator recalled (canceled) a mass message, scheduled or sending or sent.
public struct MassMessageRecall: Sendable {
    public var massMessageID: Int64, creatorID: Int64

    public init(massMessageID: Int64, creatorID: Int64) { (self.massMessageID, self.creatorID) = (massMessageID, creatorID) }

    /// The state and list it moves to.
    public static let state = MassMessageState.canceled
    public static let listType = MassMessageListType.unsent

    /// Every delivery nobody bought is taken back (bought ones stay the
    /// fan's); counters and tallies keep what was sent; no event.
    public var effects: [WriteEffect] {
        [.withdrawUnbought(massMessageID: massMessageID, creatorID: creatorID)]
    }
}
