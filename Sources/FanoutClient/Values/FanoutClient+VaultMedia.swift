public import Foundation

extension FanoutClient {
    /// A file in the creator's vault: the media, how it did in messages,
    /// and the vault lists it is in.
    public struct VaultMedia: Sendable, Hashable, Identifiable {
        public var media: Media
        /// Likes of the messages that carry it.
        public var likesCount: Int
        /// What fans paid to unlock the messages that carry it.
        public var tipsTotal: Decimal
        public var hasPosts: Bool
        /// The vault lists it is in.
        public var lists: [VaultListReference]

        public var id: Int { media.id }

        public init(media: Media, likesCount: Int = 0, tipsTotal: Decimal = 0, hasPosts: Bool = false, lists: [VaultListReference] = []) {
            self.media = media
            self.likesCount = likesCount
            self.tipsTotal = tipsTotal
            self.hasPosts = hasPosts
            self.lists = lists
        }
    }

    /// A vault list as a vault media names it.
    public struct VaultListReference: Sendable, Hashable, Identifiable {
        public var id: Int
        public var name: String

        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The order of a vault media list.
    public enum VaultMediaSort: String, Sendable, Hashable, CaseIterable {
        /// The newest first (the API's default).
        case recent
        case oldest
        case mostLiked = "most_liked"
        case highestTips = "highest_tips"
    }
}
