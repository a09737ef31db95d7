import Foundation

/// A fan wrote to a creator, perhaps with a tip.
public struct FanMessage: Sendable {
    public var creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64
    public var tip: Money?
    public var at: Date
    /// The creator restricted the fan: their messages stay out of the unread counts.
    public var fromRestrictedFan: Bool

    public init(creatorID: Int64, fanID: Int64, chatID: Int64, messageID: Int64, tip: Money?, at: Date, fromRestrictedFan: Bool = false) {
        (self.creatorID, self.fanID, self.chatID, self.messageID, self.tip, self.at) = (creatorID, fanID, chatID, messageID, tip, at)
        self.fromRestrictedFan = fromRestrictedFan
    }

    /// The chat's newest message, one more unread (none from a restricted
    /// fan); a tip adds to the chat's tips and to what the fan spent, and
    /// marks an unread tip (not a restricted fan's) and is a row of the
    /// creator's earnings. The creator's connections hear of it.
    public var effects: [WriteEffect] {
        let cents = tip?.cents ?? 0
        var effects: [WriteEffect] = [
            .chat(ChatSummaryChange(
                chatID: chatID, lastMessage: .newest(messageID), unread: fromRestrictedFan ? 0 : 1,
                unreadTip: tip != nil && !fromRestrictedFan, tipsCents: cents, spentCents: cents)),
            .event(.chatMessageReceived, creatorID: creatorID, subjectID: messageID, fanID: nil, at: at),
        ]
        if let tip {
            effects += EarningRecorded(creatorID: creatorID, fanID: fanID, kind: .tip, sourceID: messageID, amount: tip, at: at).effects
        }
        return effects
    }
}
