public import Foundation

extension FanoutClient {
    /// The connection's creator, as they see themselves.
    public struct Profile: Sendable, Hashable, Identifiable {
        public var id: Int
        public var username: String
        public var name: String
        public var isVerified: Bool
        /// nil when they have none.
        public var avatar: URL?
        /// nil when they wrote none.
        public var about: String?
        /// Their active subscribers.
        public var subscribersCount: Int
        public var postsCount: Int
        /// Their vault's photos, videos, audios and all media (nil when the
        /// server does not say).
        public var photosCount: Int
        public var videosCount: Int
        public var audiosCount: Int?
        public var mediaCount: Int?

        public init(
            id: Int, username: String, name: String, isVerified: Bool = false, avatar: URL? = nil, about: String? = nil,
            subscribersCount: Int = 0, postsCount: Int = 0, photosCount: Int = 0, videosCount: Int = 0, audiosCount: Int? = nil,
            mediaCount: Int? = nil
        ) {
            self.id = id
            self.username = username
            self.name = name
            self.isVerified = isVerified
            self.avatar = avatar
            self.about = about
            self.subscribersCount = subscribersCount
            self.postsCount = postsCount
            self.photosCount = photosCount
            self.videosCount = videosCount
            self.audiosCount = audiosCount
            self.mediaCount = mediaCount
        }
    }
}
