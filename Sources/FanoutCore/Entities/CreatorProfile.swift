/// A creator's own profile (`/v2/access/self`), with the counts Fanout keeps.
public struct CreatorProfile: Sendable, Equatable {
    public var user: UserProfile
    public var about: String?
    /// Active subscriptions.
    public var subscribersCount: Int64
    public var photosCount: Int64
    public var videosCount: Int64
    public var audiosCount: Int64
    /// Every vault media (gifs too).
    public var mediasCount: Int64

    public init(
        user: UserProfile, about: String? = nil, subscribersCount: Int64 = 0, photosCount: Int64 = 0, videosCount: Int64 = 0,
        audiosCount: Int64 = 0, mediasCount: Int64 = 0
    ) {
        self.user = user
        self.about = about
        self.subscribersCount = subscribersCount
        self.photosCount = photosCount
        self.videosCount = videosCount
        self.audiosCount = audiosCount
        self.mediasCount = mediasCount
    }
}
