import Foundation

/// A creator's named list of fans: the targets (and exclusions) of mass messages.
public struct UserList: Sendable, Equatable {
    public var id: Int64
    public var creatorID: Int64
    public var name: String
    public var usersCount: Int
    public var createdAt: Date
    /// The most recently added members (for single-list answers).
    public var recentMembers: [UserProfile]

    public init(id: Int64, creatorID: Int64, name: String, usersCount: Int, createdAt: Date, recentMembers: [UserProfile] = []) {
        self.id = id
        self.creatorID = creatorID
        self.name = name
        self.usersCount = usersCount
        self.createdAt = createdAt
        self.recentMembers = recentMembers
    }
}
