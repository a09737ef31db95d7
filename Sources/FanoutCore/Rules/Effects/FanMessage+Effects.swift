import Foundation

/// A fan wrote to a creator, perhaps with a tip.
public struct FanMessage: Sendable {
    public var creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64
    public var tip: Money?
    public var at: Date

    public init(creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64, tip: Money?, at: Date) {
        (self.creatorID, self.fanID, self.chatID, self.messageID, self.tip, self.at) = (creatorID, fanID, chatID, messageID, tip, at)
    }

    /// The chat's newest message, one more unread; a tip adds to the chat's
    /// tips and to what the fan spent, and marks an unread tip. The creator's
    /// connections hear of it.
    public var effects: [WriteEffect] {
        let cents = tip?.cents ?? 0
        return [
            .chat(ChatSummaryChange(
                chatID: chatID, lastMessage: .newest(messageID), unread: 1, unreadTip: tip != nil, tipsCents: cents, spentCents: cents)),
            .event(.chatMessageReceived, creatorID: creatorID, subjectID: messageID, fanID: nil, at: at),
        ]
    }
}
