import Foundation

/// A connection made, changed (its settings) or ended (invalidated, deleted).
public struct ConnectionChange: Sendable {
    public enum Kind: Sendable { case created, updated, expired }

    public var kind: Kind
    public var connectionID: String
    public var organizationID: Int64
    public var creatorID: Int64
    public var at: Date

    public init(_ kind: Kind, connectionID: String, organizationID: Int64, creatorID: Int64, at: Date) {
        (self.kind, self.connectionID, self.organizationID, self.creatorID, self.at) = (kind, connectionID, organizationID, creatorID, at)
    }

    public var eventType: WebhookEventType {
        switch kind {
        case .created: .connectionCreated
        case .updated: .connectionUpdated
        case .expired: .connectionExpired
        }
    }

    /// One event to the organization's own endpoints (no other organization
    /// hears of it), rendered when first sent, as every event is.
    public var effects: [WriteEffect] {
        [.connectionEvent(eventType, connectionID: connectionID, organizationID: organizationID, creatorID: creatorID, at: at)]
    }
}
