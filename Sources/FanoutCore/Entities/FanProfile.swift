/// A user as one creator sees them: the profile, whether they subscribe now,
/// what the creator decided about them (restricted, blocked) and keeps
/// (note, nickname), and the creator's lists they are on.
public struct FanProfile: Sendable, Equatable {
    public var user: UserProfile
    /// A subscription to the creator that is active now.
    public var isSubscribed: Bool
    public var isRestricted: Bool
    public var isBlocked: Bool
    public var lists: [Subscriber.ListRef]
    /// The creator's private note about the fan and nickname for them ("": none).
    public var notice: String
    public var displayName: String

    public init(
        user: UserProfile, isSubscribed: Bool, isRestricted: Bool, isBlocked: Bool, lists: [Subscriber.ListRef] = [],
        notice: String = "", displayName: String = ""
    ) {
        self.user = user
        self.isSubscribed = isSubscribed
        self.isRestricted = isRestricted
        self.isBlocked = isBlocked
        self.lists = lists
        self.notice = notice
        self.displayName = displayName
    }
}

/// Where a fan stands with a creator when either wants to message the other.
public enum FanStanding: Sendable, Equatable {
    /// Never subscribed.
    case stranger
    /// Subscribed before, not now.
    case lapsed
    case subscribed
    /// Blocked by the creator (whether subscribed or not): no messages either way.
    case blocked
}
