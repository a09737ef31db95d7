extension FanoutClient {
    /// A page of a chat's messages with the chat's two participants, the
    /// creator and the fan (`include_users`).
    public struct ChatMessagesPage: Sendable {
        public var messages: Page<Message>
        public var users: [User]

        public init(messages: Page<Message>, users: [User]) {
            self.messages = messages
            self.users = users
        }
    }

    /// The answer to unsending a direct message.
    public struct UnsentMessage: Sendable, Hashable {
        public var isSuccess: Bool

        public init(isSuccess: Bool) {
            self.isSuccess = isSuccess
        }
    }

    /// Which media a chat's media list keeps.
    public enum ChatMediaKind: String, Sendable, Hashable, CaseIterable {
        case photos, videos, audios
    }
}
