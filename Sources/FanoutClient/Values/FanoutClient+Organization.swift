extension FanoutClient {
    /// The organization an API key belongs to (``FanoutClient/whoami()``).
    public struct Organization: Sendable, Hashable, Identifiable {
        public var id: String
        public var name: String
        /// The permissions its connections can be granted.
        public var permissions: [Permission]

        public init(id: String, name: String, permissions: [Permission]) {
            self.id = id
            self.name = name
            self.permissions = permissions
        }
    }

    /// The organization's Vault+ defaults, which a connection's overrides
    /// are laid over.
    public struct OrganizationSettings: Sendable, Hashable {
        /// Whether a new connection starts with Vault+ on.
        public var autoEnablesVaultPlusForNewConnections: Bool
        /// Every field set.
        public var vaultPlusDefaults: VaultPlusSettings

        public init(autoEnablesVaultPlusForNewConnections: Bool, vaultPlusDefaults: VaultPlusSettings) {
            self.autoEnablesVaultPlusForNewConnections = autoEnablesVaultPlusForNewConnections
            self.vaultPlusDefaults = vaultPlusDefaults
        }
    }

    /// The organization's settings after a change, and what applying them
    /// to the existing connections did.
    public struct OrganizationSettingsUpdate: Sendable, Hashable {
        /// What one connection's purge freed.
        public struct Purge: Sendable, Hashable {
            public var connectionID: String
            public var purgedCount: Int
            public var freedBytes: Int64

            public init(connectionID: String, purgedCount: Int, freedBytes: Int64) {
                self.connectionID = connectionID
                self.purgedCount = purgedCount
                self.freedBytes = freedBytes
            }
        }

        public var settings: OrganizationSettings
        /// How many connections the change was applied to; nil when it was
        /// not applied to existing connections.
        public var affectedConnections: Int?
        public var purges: [Purge]

        public init(settings: OrganizationSettings, affectedConnections: Int? = nil, purges: [Purge] = []) {
            self.settings = settings
            self.affectedConnections = affectedConnections
            self.purges = purges
        }
    }
}
