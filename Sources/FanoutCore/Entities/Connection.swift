/// A creator account connected to an organization, and what it may do.
public struct Connection: Sendable, Equatable {
    public var id: String
    public var organizationID: Int64
    public var creatorID: Int64
    public var permissions: Set<Permission>
    /// The creator's display name (`fromUser.name` on mass messages), read
    /// with the connection so that no page needs another trip for it.
    public var creatorName: String
    /// Only an active connection answers the API (`AccessService`).
    public var status: ConnectionStatus

    public init(
        id: String, organizationID: Int64, creatorID: Int64, permissions: Set<Permission>, creatorName: String = "",
        status: ConnectionStatus = .active
    ) {
        self.id = id
        self.organizationID = organizationID
        self.creatorID = creatorID
        self.permissions = permissions
        self.creatorName = creatorName
        self.status = status
    }

    public func require(_ permission: Permission) throws(FanoutError) {
        guard permissions.contains(permission) else { throw .forbidden(permission) }
    }
}
