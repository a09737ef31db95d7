public import Foundation

extension FanoutClient {
    /// One message to many fans, with where its delivery stands and how it did.
    public struct MassMessage: Sendable, Hashable, Identifiable {
        /// Where a mass message is in its life, as its answer shows it.
        public enum State: String, Sendable, Hashable, CaseIterable {
            /// Delivered to nobody yet: waiting for its `date`, or due and
            /// about to start.
            case pending
            /// Being delivered: some recipients have it, `pendingCount` not yet.
            case sending
            /// Delivered to every recipient.
            case sent
            /// Recalled (unsent) after sending; buyers keep what they bought.
            case canceled
        }

        /// How many of its media are of each kind.
        public struct MediaCounts: Sendable, Hashable {
            public var photos: Int
            public var videos: Int
            public var gifs: Int
            public var audios: Int

            public init(photos: Int = 0, videos: Int = 0, gifs: Int = 0, audios: Int = 0) {
                self.photos = photos
                self.videos = videos
                self.gifs = gifs
                self.audios = audios
            }
        }

        public var id: Int
        public var text: String
        /// The creator who sent it.
        public var fromUser: UserReference
        public var media: [Media]
        /// The ids of the media that are free previews of a paid message.
        public var previewMediaIDs: [Int]
        /// What a fan pays to open it; 0 when free.
        public var price: Decimal
        public var isFree: Bool
        /// Whether its text is hidden until bought.
        public var isTextLocked: Bool
        public var createdAt: Date?
        public var changedAt: Date?
        /// When it was (or, scheduled, will be) sent.
        public var date: Date
        public var state: State
        /// Recipients resolved for it (counted ahead for a scheduled one).
        public var recipientsCount: Int
        /// Recipients not delivered to yet.
        public var pendingCount: Int
        /// Recipients it was delivered to.
        public var sentCount: Int
        public var viewedCount: Int
        public var purchasedCount: Int
        public var mediaCounts: MediaCounts
        /// Whether it can still be unsent, and for how many seconds.
        public var canUnsend: Bool
        public var unsendSeconds: Int
        public var hasError: Bool

        public init(
            id: Int, text: String, fromUser: UserReference, media: [Media], previewMediaIDs: [Int], price: Decimal, isFree: Bool,
            isTextLocked: Bool, createdAt: Date? = nil, changedAt: Date? = nil, date: Date, state: State, recipientsCount: Int,
            pendingCount: Int, sentCount: Int, viewedCount: Int, purchasedCount: Int, mediaCounts: MediaCounts, canUnsend: Bool,
            unsendSeconds: Int, hasError: Bool
        ) {
            self.id = id
            self.text = text
            self.fromUser = fromUser
            self.media = media
            self.previewMediaIDs = previewMediaIDs
            self.price = price
            self.isFree = isFree
            self.isTextLocked = isTextLocked
            self.createdAt = createdAt
            self.changedAt = changedAt
            self.date = date
            self.state = state
            self.recipientsCount = recipientsCount
            self.pendingCount = pendingCount
            self.sentCount = sentCount
            self.viewedCount = viewedCount
            self.purchasedCount = purchasedCount
            self.mediaCounts = mediaCounts
            self.canUnsend = canUnsend
            self.unsendSeconds = unsendSeconds
            self.hasError = hasError
        }
    }

    /// Where a mass message stands right after it was created or replaced.
    public struct CreatedMassMessage: Sendable, Hashable, Identifiable {
        public var id: Int
        /// When it was (or, scheduled, will be) sent.
        public var date: Date
        public var state: MassMessage.State
        /// Whether all its media are processed.
        public var isReady: Bool
        /// Recipients resolved for it (counted ahead for a scheduled one).
        public var recipientsCount: Int
        /// Recipients not delivered to yet.
        public var pendingCount: Int
        public var canUnsend: Bool
        public var unsendSeconds: Int
        public var hasError: Bool

        public init(
            id: Int, date: Date, state: MassMessage.State, isReady: Bool, recipientsCount: Int, pendingCount: Int,
            canUnsend: Bool, unsendSeconds: Int, hasError: Bool
        ) {
            self.id = id
            self.date = date
            self.state = state
            self.isReady = isReady
            self.recipientsCount = recipientsCount
            self.pendingCount = pendingCount
            self.canUnsend = canUnsend
            self.unsendSeconds = unsendSeconds
            self.hasError = hasError
        }
    }

    /// The answer to deleting a mass message: the message as it stands
    /// afterwards (canceled, for a sent one unsent; as it was, for a
    /// scheduled one deleted), when the server includes it.
    public struct DeletedMassMessage: Sendable, Hashable {
        public var isSuccess: Bool
        public var massMessage: MassMessage?

        public init(isSuccess: Bool, massMessage: MassMessage? = nil) {
            self.isSuccess = isSuccess
            self.massMessage = massMessage
        }
    }
}
