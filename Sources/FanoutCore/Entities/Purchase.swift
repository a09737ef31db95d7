import Foundation

/// A fan's purchase of a paid message: the ledger row behind the analytics.
public struct Purchase: Sendable, Equatable {
    public var id: Int64
    /// The message in the fan's chat that was unlocked.
    public var messageID: Int64
    /// The mass message it was a delivery of; nil for a direct message.
    public var massMessageID: Int64?
    public var fan: UserProfile
    public var amount: Money
    public var createdAt: Date

    public init(id: Int64, messageID: Int64, massMessageID: Int64?, fan: UserProfile, amount: Money, createdAt: Date) {
        self.id = id
        self.messageID = messageID
        self.massMessageID = massMessageID
        self.fan = fan
        self.amount = amount
        self.createdAt = createdAt
    }
}
