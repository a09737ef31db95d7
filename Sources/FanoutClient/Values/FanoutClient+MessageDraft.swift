public import Foundation

extension FanoutClient {
    /// A direct message to send: text, vault media, and a price to open it.
    public struct MessageDraft: Sendable, Hashable {
        /// Without NUL characters; at most 10,000 characters.
        public var text: String
        /// Vault media ids of the connection's creator, in order.
        public var mediaIDs: [Int]
        /// The first `previewCount` of `mediaIDs` are free previews of a paid message.
        public var previewCount: Int
        /// What the fan pays to open it (0 to 200, at most 2 decimals); 0: free.
        public var price: Decimal
        /// Whether the text stays hidden until the message is bought.
        public var isTextLocked: Bool

        public init(text: String = "", mediaIDs: [Int] = [], previewCount: Int = 0, price: Decimal = 0, isTextLocked: Bool = false) {
            self.text = text
            self.mediaIDs = mediaIDs
            self.previewCount = previewCount
            self.price = price
            self.isTextLocked = isTextLocked
        }
    }

    /// A mass message to create or replace: the message, who gets it, and
    /// when. Recipients are `userIDs` and the members of `userListIDs`, less
    /// the members of `excludedUserListIDs`, kept to active subscribers
    /// (subscribed at or after `subscribedAfter` when given); with neither
    /// `userIDs` nor `userListIDs`, every active subscriber.
    public struct MassMessageDraft: Sendable, Hashable {
        public var text: String
        /// Vault media ids of the connection's creator, in order.
        public var mediaIDs: [Int]
        /// The first `previewCount` of `mediaIDs` are free previews of a paid message.
        public var previewCount: Int
        /// What a fan pays to open it (0 to 200, at most 2 decimals); 0: free.
        public var price: Decimal
        public var isTextLocked: Bool
        /// At most 10,000 fans; a larger audience is a user list.
        public var userIDs: [Int]
        public var userListIDs: [Int]
        public var excludedUserListIDs: [Int]
        public var subscribedAfter: Date?
        /// When to send it; nil: now.
        public var scheduledDate: Date?

        public init(
            text: String = "", mediaIDs: [Int] = [], previewCount: Int = 0, price: Decimal = 0, isTextLocked: Bool = false,
            userIDs: [Int] = [], userListIDs: [Int] = [], excludedUserListIDs: [Int] = [], subscribedAfter: Date? = nil,
            scheduledDate: Date? = nil
        ) {
            self.text = text
            self.mediaIDs = mediaIDs
            self.previewCount = previewCount
            self.price = price
            self.isTextLocked = isTextLocked
            self.userIDs = userIDs
            self.userListIDs = userListIDs
            self.excludedUserListIDs = excludedUserListIDs
            self.subscribedAfter = subscribedAfter
            self.scheduledDate = scheduledDate
        }
    }
}
