import Foundation

/// Where a mass message is in its life.
public enum MassMessageState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its scheduled date.
    case scheduled
    /// Due, being delivered.
    case queued
    /// Delivered to every recipient.
    case sent
    /// Unsent (recalled) after it was sent.
    case canceled

    /// The `type` partition of `GET /v2/access/mass-messages` it falls in.
    public var listType: MassMessageListType {
        switch self {
        case .scheduled: .scheduled
        case .sent: .sent
        case .queued, .canceled: .unsent
        }
    }
}

/// The `type` filter of the mass-message list. Every state falls in exactly one.
public enum MassMessageListType: String, Sendable, CaseIterable {
    case sent, unsent, scheduled

    public var states: [MassMessageState] { MassMessageState.allCases.filter { $0.listType == self } }
}

/// One message to many fans, with its statistics.
public struct MassMessage: Sendable, Equatable {
    public var id: Int64
    public var creatorID: Int64
    public var text: String
    public var price: Money
    public var isLockedText: Bool
    public var state: MassMessageState
    public var createdAt: Date
    public var changedAt: Date
    public var scheduledAt: Date?
    public var sentAt: Date?
    public var canceledAt: Date?
    /// Recipients resolved for it.
    public var total: Int
    /// Recipients not yet delivered to.
    public var pending: Int
    public var sentCount: Int
    public var viewedCount: Int
    public var purchasedCount: Int
    public var hasError: Bool
    public var attachments: [Attachment]

    public init(
        id: Int64, creatorID: Int64, text: String, price: Money, isLockedText: Bool,
        state: MassMessageState, createdAt: Date, changedAt: Date, scheduledAt: Date?, sentAt: Date?,
        canceledAt: Date?, total: Int, pending: Int, sentCount: Int, viewedCount: Int,
        purchasedCount: Int, hasError: Bool, attachments: [Attachment]
    ) {
        self.id = id
        self.creatorID = creatorID
        self.text = text
        self.price = price
        self.isLockedText = isLockedText
        self.state = state
        self.createdAt = createdAt
        self.changedAt = changedAt
        self.scheduledAt = scheduledAt
        self.sentAt = sentAt
        self.canceledAt = canceledAt
        self.total = total
        self.pending = pending
        self.sentCount = sentCount
        self.viewedCount = viewedCount
        self.purchasedCount = purchasedCount
        self.hasError = hasError
        self.attachments = attachments
    }

    /// The date the API shows: when it went (or will go) out.
    public var date: Date { sentAt ?? scheduledAt ?? createdAt }
}
