import Foundation

/// One change an event makes beyond its own row: a chat's summary, a mass
/// message's counter, a day's tally, an event in the webhook outbox. Each
/// event's effects are decided once (the `…+Effects.swift` beside this file);
/// each storage backend only applies them, in the event's transaction.
public enum WriteEffect: Sendable, Equatable {
    /// Moves one chat's summary.
    case chat(ChatSummaryChange)
    /// Adds one to a counter of mass message `massMessageID`.
    case raise(MassMessageCounter, massMessageID: Int64)
    /// Adds to the tally of (creator, kind, UTC day `day`, as `DayRange.key`).
    case tally(creatorID: Int64, kind: ActivityKind, day: String, count: Int64, grossCents: Int64)
    /// Writes event `type` about `subjectID` to the outbox, for every endpoint
    /// of every organization connected to the creator that takes it.
    case event(WebhookEventType, creatorID: Int64, subjectID: Int64, fanID: Int64?, at: Date)
    /// Writes event `type` about connection `connectionID` (of creator
    /// `creatorID`, kept as the subject) for the organization's endpoints that take it.
    case connectionEvent(WebhookEventType, connectionID: String, organizationID: Int64, creatorID: Int64, at: Date)
    /// Takes back every delivery of a mass message nobody bought; each chat
    /// that showed one points at its newest remaining message.
    case withdrawUnbought(massMessageID: Int64, creatorID: Int64)
    /// Writes one row of the creator's earnings ledger (once per source).
    case earn(creatorID: Int64, fanID: Int64, kind: Earning.Kind, sourceID: Int64, amountCents: Int64, at: Date)

    /// `count` more of `kind` on `date`'s UTC day; nothing when none.
    static func tally(creatorID: Int64, kind: ActivityKind, at date: Date, count: Int64, grossCents: Int64 = 0) -> [WriteEffect] {
        count == 0 ? [] : [.tally(creatorID: creatorID, kind: kind, day: DayRange.key(date), count: count, grossCents: grossCents)]
    }
}

/// The counters a mass message keeps on its row.
public enum MassMessageCounter: Sendable, Equatable { case viewed, purchased }

/// What moves in one chat's summary: amounts are added to its counters.
public struct ChatSummaryChange: Sendable, Equatable {
    /// How the chat's last message changes.
    public enum LastMessage: Sendable, Equatable {
        /// This new message is the chat's newest.
        case newest(Int64)
        /// A message of this id now exists in the chat (a delivery acted on):
        /// the newest unless the chat has a newer one.
        case atLeast(Int64)
        /// A message was removed: the newest remaining one.
        case newestRemaining
    }

    public var chatID: Int64
    public var lastMessage: LastMessage?
    public var unread: Int64
    /// Marks the chat as holding an unread tip (never clears the mark).
    public var unreadTip: Bool
    public var tipsCents: Int64
    public var spentCents: Int64

    public init(chatID: Int64, lastMessage: LastMessage? = nil, unread: Int64 = 0, unreadTip: Bool = false, tipsCents: Int64 = 0, spentCents: Int64 = 0) {
        self.chatID = chatID
        self.lastMessage = lastMessage
        self.unread = unread
        self.unreadTip = unreadTip
        self.tipsCents = tipsCents
        self.spentCents = spentCents
    }
}
