import Foundation

/// A generated world to import: users, subscriptions, vault media, chats with
/// their messages, and mass messages with their deliveries. Plain values, so
/// every backend imports the same thing.
public struct DemoDataset: Sendable {
    public struct Organization: Sendable {
        public var name: String
        public var connections: [ConnectionPlan]

        public init(name: String, connections: [ConnectionPlan]) {
            self.name = name
            self.connections = connections
        }
    }

    public struct ConnectionPlan: Sendable {
        public var creatorID: Int64
        public var permissions: Set<Permission>

        public init(creatorID: Int64, permissions: Set<Permission>) {
            self.creatorID = creatorID
            self.permissions = permissions
        }
    }

    public struct Subscription: Sendable {
        public var creatorID: Int64
        public var fanID: Int64
        public var subscribedAt: Date
        public var isActive: Bool

        public init(creatorID: Int64, fanID: Int64, subscribedAt: Date, isActive: Bool) {
            self.creatorID = creatorID
            self.fanID = fanID
            self.subscribedAt = subscribedAt
            self.isActive = isActive
        }
    }

    public struct AttachmentRef: Sendable, Equatable {
        public var mediaID: Int64
        public var isPreview: Bool

        public init(mediaID: Int64, isPreview: Bool) {
            self.mediaID = mediaID
            self.isPreview = isPreview
        }
    }

    /// A message in a chat. `massMessage` indexes `massMessages` for a delivery.
    public struct Message: Sendable {
        public var creatorID: Int64
        public var fanID: Int64
        public var fromCreator: Bool
        public var text: String
        public var price: Money
        public var isLockedText: Bool
        public var isTip: Bool
        public var massMessage: Int?
        public var createdAt: Date
        public var openedAt: Date?
        public var purchasedAt: Date?
        public var isLiked: Bool
        public var isPinned: Bool
        public var attachments: [AttachmentRef]

        public init(creatorID: Int64, fanID: Int64, fromCreator: Bool, text: String, price: Money, isLockedText: Bool, isTip: Bool, massMessage: Int?, createdAt: Date, openedAt: Date?, purchasedAt: Date?, isLiked: Bool, isPinned: Bool, attachments: [AttachmentRef]) {
            self.creatorID = creatorID
            self.fanID = fanID
            self.fromCreator = fromCreator
            self.text = text
            self.price = price
            self.isLockedText = isLockedText
            self.isTip = isTip
            self.massMessage = massMessage
            self.createdAt = createdAt
            self.openedAt = openedAt
            self.purchasedAt = purchasedAt
            self.isLiked = isLiked
            self.isPinned = isPinned
            self.attachments = attachments
        }
    }

    public struct MassMessage: Sendable {
        public var creatorID: Int64
        public var text: String
        public var price: Money
        public var isLockedText: Bool
        public var state: MassMessageState
        public var createdAt: Date
        public var scheduledAt: Date?
        public var sentAt: Date?
        public var canceledAt: Date?
        public var total: Int
        public var sentCount: Int
        public var viewedCount: Int
        public var purchasedCount: Int
        public var attachments: [AttachmentRef]
        /// For a queued one: every recipient, ascending; those up to
        /// `fanOutCursor` were already delivered.
        public var recipients: [Int64]
        public var fanOutCursor: Int64

        public init(creatorID: Int64, text: String, price: Money, isLockedText: Bool, state: MassMessageState, createdAt: Date, scheduledAt: Date?, sentAt: Date?, canceledAt: Date?, total: Int, sentCount: Int, viewedCount: Int, purchasedCount: Int, attachments: [AttachmentRef], recipients: [Int64] = [], fanOutCursor: Int64 = 0) {
            self.creatorID = creatorID
            self.text = text
            self.price = price
            self.isLockedText = isLockedText
            self.state = state
            self.createdAt = createdAt
            self.scheduledAt = scheduledAt
            self.sentAt = sentAt
            self.canceledAt = canceledAt
            self.total = total
            self.sentCount = sentCount
            self.viewedCount = viewedCount
            self.purchasedCount = purchasedCount
            self.attachments = attachments
            self.recipients = recipients
            self.fanOutCursor = fanOutCursor
        }
    }

    public var organizations: [Organization]
    public var users: [UserProfile]
    public var creatorIDs: [Int64]
    public var subscriptions: [Subscription]
    public var media: [Media]
    public var massMessages: [MassMessage]
    /// In creation order across all chats, so stored ids grow with time.
    public var messages: [Message]
    /// Chats muted by the creator.
    public var mutedChats: Set<[Int64]>
    /// The creators' notes and nicknames for a few of their subscribers.
    public var subscriberNotes: [SubscriberNote] = []

    public struct SubscriberNote: Sendable {
        public var creatorID: Int64, fanID: Int64
        public var notice: String, displayName: String
    }

    public init(organizations: [Organization], users: [UserProfile], creatorIDs: [Int64], subscriptions: [Subscription], media: [Media], massMessages: [MassMessage], messages: [Message], mutedChats: Set<[Int64]>) {
        self.organizations = organizations
        self.users = users
        self.creatorIDs = creatorIDs
        self.subscriptions = subscriptions
        self.media = media
        self.massMessages = massMessages
        self.messages = messages
        self.mutedChats = mutedChats
    }
}

/// Writes a dataset into a backend.
public protocol DemoImporting: Sendable {
    /// Whether the database holds no organization and no user yet.
    func isEmpty() async throws -> Bool
    func importDemo(_ dataset: DemoDataset) async throws
    /// Writes `audience` in several transactions (it can be millions of
    /// fans), calling `progress` with the number of fans written so far.
    func importAudience(_ audience: DemoAudience, progress: @Sendable (Int) -> Void) async throws
}
