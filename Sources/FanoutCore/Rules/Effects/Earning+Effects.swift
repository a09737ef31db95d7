import Foundation

/// A fan paid the creator (a tip, message `sourceID`; or a purchase, row
/// `sourceID`): one more row in the creator's earnings ledger.
public struct EarningRecorded: Sendable {
    public var creatorID: Int64, fanID: Int64
    public var kind: Earning.Kind
    public var sourceID: Int64
    public var amount: Money
    public var at: Date

    public init(creatorID: Int64, fanID: Int64, kind: Earning.Kind, sourceID: Int64, amount: Money, at: Date) {
        (self.creatorID, self.fanID, self.kind, self.sourceID, self.amount, self.at) = (creatorID, fanID, kind, sourceID, amount, at)
    }

    public var effects: [WriteEffect] {
        [.earn(creatorID: creatorID, fanID: fanID, kind: kind, sourceID: sourceID, amountCents: amount.cents, at: at)]
    }
}

/// An earning was charged back: the fan no longer counts as having spent it
/// in the chat (nor tipped it, for a tip). Its ledger row stays, marked.
public struct EarningChargedBack: Sendable {
    public var chatID: Int64?
    public var kind: Earning.Kind
    public var amount: Money

    public init(chatID: Int64?, kind: Earning.Kind, amount: Money) {
        (self.chatID, self.kind, self.amount) = (chatID, kind, amount)
    }

    public var effects: [WriteEffect] {
        // A stored amount is an outside value: negating Int64.min would trap.
        guard let chatID, amount.cents > 0 else { return [] }
        let back = -amount.cents
        return [.chat(ChatSummaryChange(chatID: chatID, tipsCents: kind == .tip ? back : 0, spentCents: back))]
    }
}
