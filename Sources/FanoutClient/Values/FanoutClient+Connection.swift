public import Foundation

extension FanoutClient {
    /// One of the organization's connections: a creator's account its API
    /// key reaches, with what it may do there.
    public struct Connection: Sendable, Hashable, Identifiable {
        /// What a request with it gets: `active` works; `expired` answers
        /// 401 `SESSION_EXPIRED`.
        public enum Status: String, Sendable, Hashable, CaseIterable {
            case active
            case expired
            /// Waiting for the creator's second factor (Fanout has none: never listed).
            case awaitingTwoFactor = "awaiting_2fa"
        }

        /// The id a client sends as `x-connection-id`.
        public var id: String
        public var status: Status
        /// The creator it reaches (the API's `userData`).
        public var creator: UserSummary
        public var permissions: Set<Permission>
        public var createdAt: Date?
        public var updatedAt: Date?
        /// When it was invalidated; nil while active.
        public var expiredAt: Date?
        /// When the server last checked it.
        public var lastCheckedAt: Date?
        /// Your own reference given when it was made; nil when none was.
        public var clientReferenceID: String?
        /// Whether it was imported rather than made by the creator's consent.
        public var isImported: Bool

        public init(
            id: String, status: Status, creator: UserSummary, permissions: Set<Permission>, createdAt: Date? = nil,
            updatedAt: Date? = nil, expiredAt: Date? = nil, lastCheckedAt: Date? = nil, clientReferenceID: String? = nil,
            isImported: Bool = false
        ) {
            self.id = id
            self.status = status
            self.creator = creator
            self.permissions = permissions
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.expiredAt = expiredAt
            self.lastCheckedAt = lastCheckedAt
            self.clientReferenceID = clientReferenceID
            self.isImported = isImported
        }
    }

    /// What a connection may do, by OFAuth's name (`messages:read`, …). A
    /// name this version does not know is kept as it came.
    public struct Permission: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }

        public static let messagesRead = Permission(rawValue: "messages:read")
        public static let messagesWrite = Permission(rawValue: "messages:write")
        public static let listsRead = Permission(rawValue: "lists:read")
        public static let listsWrite = Permission(rawValue: "lists:write")
        public static let analyticsRead = Permission(rawValue: "analytics:read")
        public static let vaultRead = Permission(rawValue: "vault:read")
        public static let vaultWrite = Permission(rawValue: "vault:write")
        public static let subscribersRead = Permission(rawValue: "subscribers:read")
        public static let subscribersWrite = Permission(rawValue: "subscribers:write")
        public static let earningsRead = Permission(rawValue: "earnings:read")
        public static let profileRead = Permission(rawValue: "profile:read")
        public static let profileWrite = Permission(rawValue: "profile:write")
        public static let usersWrite = Permission(rawValue: "users:write")
    }
}
