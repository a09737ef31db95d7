extension FanoutClient {
    /// How Vault+ keeps a creator's media. Every field is optional: a
    /// connection's overrides set some (nil: the organization's default
    /// holds); the organization's defaults set them all; a change sets the
    /// fields it holds and leaves the others. Fanout stores and reports
    /// these; nothing else reads them.
    public struct VaultPlusSettings: Sendable, Hashable {
        public enum ImageQuality: String, Sendable, Hashable, CaseIterable {
            case thumb, preview, full
        }

        public enum VideoQuality: String, Sendable, Hashable, CaseIterable {
            case preview
            case p720 = "720p"
            case p1080 = "1080p"
            case source
        }

        /// What goes when the storage limit is reached.
        public enum PurgeStrategy: String, Sendable, Hashable, CaseIterable {
            case purgeOldest = "purge_oldest"
            case purgeLargest = "purge_largest"
            case purgeSmallest = "purge_smallest"
            /// Keep what is there and store nothing new.
            case blockNew = "block_new"
        }

        public var autoCacheVault: Bool?
        public var autoCacheMessages: Bool?
        public var autoCachePosts: Bool?
        public var autoCacheStories: Bool?
        /// How often a medium is opened before it is kept (0–1,000,000).
        public var minAccessCountVault: Double?
        public var minAccessCountMessages: Double?
        public var minAccessCountPosts: Double?
        public var minAccessCountStories: Double?
        public var cacheImages: Bool?
        public var cacheVideos: Bool?
        public var cacheAudio: Bool?
        public var imageQualities: [ImageQuality]?
        public var videoQualities: [VideoQuality]?
        /// 0–36,500.
        public var retentionDays: Double?
        /// 0–36,500.
        public var accessExpiryDays: Double?
        /// 0–604,800 (a week).
        public var presignedURLTTLSeconds: Double?
        /// 0–10^15.
        public var storageLimitBytes: Double?
        public var storageLimitPurgeStrategy: PurgeStrategy?

        public init(
            autoCacheVault: Bool? = nil, autoCacheMessages: Bool? = nil, autoCachePosts: Bool? = nil, autoCacheStories: Bool? = nil,
            minAccessCountVault: Double? = nil, minAccessCountMessages: Double? = nil, minAccessCountPosts: Double? = nil,
            minAccessCountStories: Double? = nil, cacheImages: Bool? = nil, cacheVideos: Bool? = nil, cacheAudio: Bool? = nil,
            imageQualities: [ImageQuality]? = nil, videoQualities: [VideoQuality]? = nil, retentionDays: Double? = nil,
            accessExpiryDays: Double? = nil, presignedURLTTLSeconds: Double? = nil, storageLimitBytes: Double? = nil,
            storageLimitPurgeStrategy: PurgeStrategy? = nil
        ) {
            self.autoCacheVault = autoCacheVault
            self.autoCacheMessages = autoCacheMessages
            self.autoCachePosts = autoCachePosts
            self.autoCacheStories = autoCacheStories
            self.minAccessCountVault = minAccessCountVault
            self.minAccessCountMessages = minAccessCountMessages
            self.minAccessCountPosts = minAccessCountPosts
            self.minAccessCountStories = minAccessCountStories
            self.cacheImages = cacheImages
            self.cacheVideos = cacheVideos
            self.cacheAudio = cacheAudio
            self.imageQualities = imageQualities
            self.videoQualities = videoQualities
            self.retentionDays = retentionDays
            self.accessExpiryDays = accessExpiryDays
            self.presignedURLTTLSeconds = presignedURLTTLSeconds
            self.storageLimitBytes = storageLimitBytes
            self.storageLimitPurgeStrategy = storageLimitPurgeStrategy
        }
    }

    /// One connection's Vault+ state.
    public struct ConnectionSettings: Sendable, Hashable {
        /// How much of the creator's vault Vault+ holds.
        public struct Stats: Sendable, Hashable {
            public var totalStorageBytes: Int64
            public var storageLimitBytes: Double
            /// The creator's vault media.
            public var mediaCount: Int
            /// Those whose bytes Fanout holds.
            public var storedCount: Int
            /// 0–100.
            public var storageUsagePercent: Double

            public init(totalStorageBytes: Int64, storageLimitBytes: Double, mediaCount: Int, storedCount: Int, storageUsagePercent: Double) {
                self.totalStorageBytes = totalStorageBytes
                self.storageLimitBytes = storageLimitBytes
                self.mediaCount = mediaCount
                self.storedCount = storedCount
                self.storageUsagePercent = storageUsagePercent
            }
        }

        public var connectionID: String
        public var isVaultPlusEnabled: Bool
        /// The fields this connection sets over the organization's defaults.
        public var overrides: VaultPlusSettings
        public var stats: Stats

        public init(connectionID: String, isVaultPlusEnabled: Bool, overrides: VaultPlusSettings, stats: Stats) {
            self.connectionID = connectionID
            self.isVaultPlusEnabled = isVaultPlusEnabled
            self.overrides = overrides
            self.stats = stats
        }
    }
}
