import Foundation

/// A message in a creator↔fan chat: a direct message either way, or one
/// delivery of a mass message (`massMessageID` set).
public struct ChatMessage: Sendable, Equatable {
    public var id: Int64
    public var creatorID: Int64
    public var fanID: Int64
    public var fromUserID: Int64
    public var fromUserName: String
    public var text: String
    public var price: Money
    public var isLockedText: Bool
    public var isTip: Bool
    public var massMessageID: Int64?
    public var createdAt: Date
    public var changedAt: Date
    public var openedAt: Date?
    public var purchasedAt: Date?
    public var isLiked: Bool
    public var isPinned: Bool
    public var attachments: [Attachment]
    /// For a delivery: its mass message's state and send time (unsend window).
    public var queueState: MassMessageState?
    public var queueSentAt: Date?

    public init(
        id: Int64, creatorID: Int64, fanID: Int64, fromUserID: Int64, fromUserName: String = "", text: String, price: Money,
        isLockedText: Bool, isTip: Bool, massMessageID: Int64?, createdAt: Date, changedAt: Date,
        openedAt: Date?, purchasedAt: Date?, isLiked: Bool, isPinned: Bool, attachments: [Attachment],
        queueState: MassMessageState? = nil, queueSentAt: Date? = nil
    ) {
        self.id = id
        self.creatorID = creatorID
        self.fanID = fanID
        self.fromUserID = fromUserID
        self.fromUserName = fromUserName
        self.text = text
        self.price = price
        self.isLockedText = isLockedText
        self.isTip = isTip
        self.massMessageID = massMessageID
        self.createdAt = createdAt
        self.changedAt = changedAt
        self.openedAt = openedAt
        self.purchasedAt = purchasedAt
        self.isLiked = isLiked
        self.isPinned = isPinned
        self.attachments = attachments
        self.queueState = queueState
        self.queueSentAt = queueSentAt
    }

    public var isFromCreator: Bool { fromUserID == creatorID }
    public var isFromQueue: Bool { massMessageID != nil }
    /// A paid message the fan has not bought yet.
    public var canPurchase: Bool { isFromCreator && !price.isZero && !isTip && purchasedAt == nil }
}
