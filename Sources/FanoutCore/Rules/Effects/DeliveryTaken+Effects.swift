/// A fan acted on a delivery of a mass message: it became message
/// `messageID` (the same id) of chat `chatID`.
public struct DeliveryTaken: Sendable {
    public var chatID: Int64, messageID: Int64

    public init(chatID: Int64, messageID: Int64) { (self.chatID, self.messageID) = (chatID, messageID) }

    /// The chat's last message is this one unless it has a newer one.
    public var effects: [WriteEffect] {
        [.chat(ChatSummaryChange(chatID: chatID, lastMessage: .atLeast(messageID)))]
    }
}
