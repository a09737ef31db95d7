import Foundation

/// Money a fan paid a creator: a tip or a paid message, one ledger row each,
/// written in the transaction of the tip or purchase. Subscriptions are free
/// in the sandbox, so none is a subscription payment (README, "Earnings").
public struct Earning: Sendable, Equatable {
    /// OFAuth's transaction types the sandbox produces (its `type` filter's values).
    public enum Kind: String, Sendable, CaseIterable {
        case tip = "tips"
        case message = "chat_messages"
    }

    public var id: Int64
    public var kind: Kind
    public var fan: UserProfile
    /// What the fan paid (gross).
    public var amount: Money
    public var createdAt: Date
    /// When it was charged back; nil while it stands.
    public var chargedBackAt: Date?

    public init(id: Int64, kind: Kind, fan: UserProfile, amount: Money, createdAt: Date, chargedBackAt: Date?) {
        (self.id, self.kind, self.fan, self.amount, self.createdAt, self.chargedBackAt) = (id, kind, fan, amount, createdAt, chargedBackAt)
    }

    public var split: EarningSplit { EarningSplit(gross: amount) }
}

/// A fan's bank took an earning back: the earning stays listed, marked.
public struct Chargeback: Sendable, Equatable {
    public var id: Int64
    public var createdAt: Date
    public var earning: Earning

    public init(id: Int64, createdAt: Date, earning: Earning) {
        (self.id, self.createdAt, self.earning) = (id, createdAt, earning)
    }
}
