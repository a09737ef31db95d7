public import Foundation

extension FanoutClient {
    /// A user's profile as the creator sees it: a fan, a buyer, a list
    /// member, a chat's participant, or the creator itself.
    public struct User: Sendable, Hashable, Identifiable {
        public var id: Int
        /// The name they show.
        public var name: String
        public var username: String
        public var isVerified: Bool
        /// nil when they have no avatar.
        public var avatar: URL?
        public var avatarThumbnails: AvatarThumbnails
        /// The creator's own name for them: nil when it has none, or where
        /// the API does not say (a list member, a buyer).
        public var customName: String?
        /// The creator's private note about them: nil when it has none, or
        /// where the API does not say.
        public var note: String?

        public init(
            id: Int, name: String, username: String, isVerified: Bool = false, avatar: URL? = nil,
            avatarThumbnails: AvatarThumbnails = AvatarThumbnails(), customName: String? = nil, note: String? = nil
        ) {
            self.id = id
            self.name = name
            self.username = username
            self.isVerified = isVerified
            self.avatar = avatar
            self.avatarThumbnails = avatarThumbnails
            self.customName = customName
            self.note = note
        }
    }

    /// Square thumbnails of a user's avatar (nil when they have none).
    public struct AvatarThumbnails: Sendable, Hashable {
        /// 50 pixels wide.
        public var size50: URL?
        /// 144 pixels wide.
        public var size144: URL?

        public init(size50: URL? = nil, size144: URL? = nil) {
            self.size50 = size50
            self.size144 = size144
        }
    }
}
