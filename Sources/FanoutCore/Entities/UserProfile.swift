/// An OnlyFans-style user: a creator or a fan.
public struct UserProfile: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var username: String
    public var avatar: String?
    public var isVerified: Bool

    public init(id: Int64, name: String, username: String, avatar: String?, isVerified: Bool) {
        self.id = id
        self.name = name
        self.username = username
        self.avatar = avatar
        self.isVerified = isVerified
    }
}
