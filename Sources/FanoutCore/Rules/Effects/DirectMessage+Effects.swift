import Foundation

/// A creator sent direct message `messageID` to a fan.
public struct DirectMessageSent: Sendable {
    public var creatorID: Int64, chatID: Int64, messageID: Int64
    public var at: Date

    public init(creatorID: Int64, chatID: Int64, messageID: Int64, at: Date) {
        (self.creatorID, self.chatID, self.messageID, self.at) = (creatorID, chatID, messageID, at)
    }

    /// The chat's newest message (nothing unread: the creator wrote it), one
    /// more direct message in the day's tally; no event (the sender knows).
    public var effects: [WriteEffect] {
        [.chat(ChatSummaryChange(chatID: chatID, lastMessage: .newest(messageID)))]
            + WriteEffect.tally(creatorID: creatorID, kind: .directMessages, at: at, count: 1)
    }
}

/// A creator took back (unsent) direct message `messageID` from a fan's chat.
public struct DirectMessageUnsent: Sendable {
    public var creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64
    public var at: Date

    public init(creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64, at: Date) {
        (self.creatorID, self.fanID, self.chatID, self.messageID, self.at) = (creatorID, fanID, chatID, messageID, at)
    }

    /// The chat falls back to its newest remaining message; the day's tally
    /// keeps the send (it happened); the creator's connections hear of it.
    public var effects: [WriteEffect] {
        [
            .chat(ChatSummaryChange(chatID: chatID, lastMessage: .newestRemaining)),
            .event(.chatMessageDeleted, creatorID: creatorID, subjectID: messageID, fanID: fanID, at: at),
        ]
    }
}
