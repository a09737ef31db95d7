/// A creator account connected to an organization, and what it may do.
public struct Connection: Sendable, Equatable {
    public var id: String
    public var organizationID: Int64
    public var creatorID: Int64
    public var permissions: Set<Permission>

    public init(id: String, organizationID: Int64, creatorID: Int64, permissions: Set<Permission>) {
        self.id = id
        self.organizationID = organizationID
        self.creatorID = creatorID
        self.permissions = permissions
    }

    public func require(_ permission: Permission) throws(FanoutError) {
        guard permissions.contains(permission) else { throw .forbidden(permission) }
    }
}
