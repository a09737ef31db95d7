internal import Foundation

extension FanoutClient.UserSummary {
    /// A user whose id the API sends as a string (a connection's `userData`).
    package init(_ wire: Components.Schemas.AccountUserData) throws {
        guard let id = Int(wire.id) else { throw FanoutClientError.invalidResponse(field: "userData.id", value: wire.id) }
        self.init(id: id, name: wire.name, username: wire.username, avatar: WireValue.url(wire.avatar))
    }
}

extension FanoutClient.Connection {
    /// The wire writes every field, "" for none: an empty date or
    /// reference is nil here.
    package init(_ wire: Components.Schemas.AccountConnection) throws {
        self.init(
            id: wire.id, status: Status(wire.status), creator: try FanoutClient.UserSummary(wire.userData),
            permissions: Set(wire.permissions.map(FanoutClient.Permission.init(rawValue:))),
            createdAt: try WireValue.date(wire.createdAt as String?, field: "connection.createdAt"),
            updatedAt: try WireValue.date(wire.updatedAt as String?, field: "connection.updatedAt"),
            expiredAt: try WireValue.date(wire.expiredAt as String?, field: "connection.expiredAt"),
            lastCheckedAt: try WireValue.date(wire.lastCheckedAt as String?, field: "connection.lastCheckedAt"),
            clientReferenceID: wire.clientReferenceId.isEmpty ? nil : wire.clientReferenceId, isImported: wire.imported)
    }
}

extension FanoutClient.Connection.Status {
    package init(_ wire: Components.Schemas.AccountConnection.StatusPayload) {
        switch wire {
        case .active: self = .active
        case .expired: self = .expired
        case .awaiting2fa: self = .awaitingTwoFactor
        }
    }

    var wire: Operations.ListConnections.Input.Query.StatusPayload {
        switch self {
        case .active: .active
        case .expired: .expired
        case .awaitingTwoFactor: .awaiting2fa
        }
    }
}
