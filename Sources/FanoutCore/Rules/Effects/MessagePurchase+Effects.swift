import Foundation

/// A fan bought a creator's priced message (purchase row `purchaseID`).
public struct MessagePurchase: Sendable {
    public var creatorID: Int64, fanID: Int64, chatID: Int64, purchaseID: Int64
    public var price: Money
    /// The mass message it was delivered from; nil for a direct message.
    public var massMessageID: Int64?
    public var at: Date

    public init(creatorID: Int64, fanID: Int64, chatID: Int64, purchaseID: Int64, price: Money, massMessageID: Int64?, at: Date) {
        (self.creatorID, self.fanID, self.chatID, self.purchaseID) = (creatorID, fanID, chatID, purchaseID)
        (self.price, self.massMessageID, self.at) = (price, massMessageID, at)
    }

    /// The price adds to what the fan spent in the chat and to the day's
    /// purchases of its kind, and is a row of the creator's earnings; a
    /// mass message's delivery also raises its purchase count and is told
    /// to the creator's connections.
    public var effects: [WriteEffect] {
        var effects: [WriteEffect] = [.chat(ChatSummaryChange(chatID: chatID, spentCents: price.cents))]
        effects += WriteEffect.tally(
            creatorID: creatorID, kind: massMessageID == nil ? .directMessagesPurchases : .groupMessagesPurchases, at: at,
            count: 1, grossCents: price.cents)
        effects += EarningRecorded(creatorID: creatorID, fanID: fanID, kind: .message, sourceID: purchaseID, amount: price, at: at).effects
        if let massMessageID {
            effects.append(.raise(.purchased, massMessageID: massMessageID))
            effects.append(.event(.massMessagePurchased, creatorID: creatorID, subjectID: purchaseID, fanID: fanID, at: at))
        }
        return effects
    }
}
