public import Foundation

extension FanoutClient {
    /// A chat message, the creator's or the fan's.
    public struct Message: Sendable, Hashable, Identifiable {
        public var id: Int
        public var text: String
        public var fromUser: UserReference
        public var createdAt: Date
        public var changedAt: Date?
        public var media: [Media]
        /// The ids of the media that are free previews of a paid message.
        public var previewMediaIDs: [Int]
        /// What the fan pays to open it; 0 when free.
        public var price: Decimal
        public var isFree: Bool
        public var isTip: Bool
        public var isOpened: Bool
        public var isNew: Bool
        /// Whether its text is hidden until bought.
        public var isTextLocked: Bool
        /// It came from a mass message: `massMessageID` is that message's id.
        public var isFromMassMessage: Bool
        public var massMessageID: Int?
        public var canPurchase: Bool
        public var isLiked: Bool
        public var isPinned: Bool

        public init(
            id: Int, text: String, fromUser: UserReference, createdAt: Date, changedAt: Date? = nil, media: [Media],
            previewMediaIDs: [Int], price: Decimal, isFree: Bool, isTip: Bool, isOpened: Bool, isNew: Bool, isTextLocked: Bool,
            isFromMassMessage: Bool, massMessageID: Int? = nil, canPurchase: Bool, isLiked: Bool, isPinned: Bool
        ) {
            self.id = id
            self.text = text
            self.fromUser = fromUser
            self.createdAt = createdAt
            self.changedAt = changedAt
            self.media = media
            self.previewMediaIDs = previewMediaIDs
            self.price = price
            self.isFree = isFree
            self.isTip = isTip
            self.isOpened = isOpened
            self.isNew = isNew
            self.isTextLocked = isTextLocked
            self.isFromMassMessage = isFromMassMessage
            self.massMessageID = massMessageID
            self.canPurchase = canPurchase
            self.isLiked = isLiked
            self.isPinned = isPinned
        }
    }
}
