import Foundation

/// A connection as the account API lists it: its grant, the creator it
/// reaches, and its history.
public struct ConnectionDetails: Sendable, Equatable {
    public var connection: Connection
    public var creator: UserProfile
    public var createdAt: Date
    /// Its last change (status, settings); `createdAt` until one.
    public var updatedAt: Date
    /// When it was invalidated; nil while active.
    public var expiredAt: Date?
    /// The caller's own reference, given when it was made (`fanout connections create --client-reference-id`).
    public var clientReferenceID: String?

    public init(
        connection: Connection, creator: UserProfile, createdAt: Date, updatedAt: Date, expiredAt: Date? = nil,
        clientReferenceID: String? = nil
    ) {
        self.connection = connection
        self.creator = creator
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.expiredAt = expiredAt
        self.clientReferenceID = clientReferenceID
    }

    public var id: String { connection.id }
    public var status: ConnectionStatus { connection.status }
}

/// Which connections a listing shows.
public struct ConnectionFilter: Sendable, Equatable {
    public var status: ConnectionStatus?
    /// Imported (externally managed) connections: Fanout makes none, so
    /// `true` finds nothing and `false` everything.
    public var imported: Bool?

    public init(status: ConnectionStatus? = nil, imported: Bool? = nil) {
        self.status = status
        self.imported = imported
    }
}
