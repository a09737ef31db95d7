import Foundation

/// Vault+ caching settings, as OFAuth's account API names them. Every field
/// optional: a connection's overrides and an organization's stored defaults
/// set some; `effective(over:)` fills the rest. Fanout keeps media itself,
/// so these are stored and reported, and steer nothing else (the README says so).
public struct VaultPlusSettings: Sendable, Equatable, Codable {
    public enum ImageQuality: String, Sendable, Codable, CaseIterable { case thumb, preview, full }
    public enum VideoQuality: String, Sendable, Codable, CaseIterable {
        case preview
        case p720 = "720p"
        case p1080 = "1080p"
        case source
    }
    public enum PurgeStrategy: String, Sendable, Codable, CaseIterable {
        case purgeOldest = "purge_oldest", purgeLargest = "purge_largest", purgeSmallest = "purge_smallest", blockNew = "block_new"
    }

    public var autoCacheVault: Bool?
    public var autoCacheMessages: Bool?
    public var autoCachePosts: Bool?
    public var autoCacheStories: Bool?
    public var minAccessCountVault: Double?
    public var minAccessCountMessages: Double?
    public var minAccessCountPosts: Double?
    public var minAccessCountStories: Double?
    public var cacheImages: Bool?
    public var cacheVideos: Bool?
    public var cacheAudio: Bool?
    public var imageQualities: [ImageQuality]?
    public var videoQualities: [VideoQuality]?
    public var retentionDays: Double?
    public var accessExpiryDays: Double?
    public var presignedUrlTtlSeconds: Double?
    public var storageLimitBytes: Double?
    public var storageLimitPurgeStrategy: PurgeStrategy?

    public init() {}

    /// The names of the boolean fields, the numeric ones with their bounds,
    /// for validation by name (the wire layer reads a body field by field).
    public static let booleanFields = [
        "autoCacheVault", "autoCacheMessages", "autoCachePosts", "autoCacheStories", "cacheImages", "cacheVideos", "cacheAudio",
    ]
    public static let numberFields: [(name: String, range: ClosedRange<Double>)] = [
        ("minAccessCountVault", 0...1_000_000), ("minAccessCountMessages", 0...1_000_000), ("minAccessCountPosts", 0...1_000_000),
        ("minAccessCountStories", 0...1_000_000), ("retentionDays", 0...36_500), ("accessExpiryDays", 0...36_500),
        ("presignedUrlTtlSeconds", 0...604_800), ("storageLimitBytes", 0...1e15),
    ]

    /// Fanout's defaults where an organization stored none.
    public static let builtIn: VaultPlusSettings = {
        var s = VaultPlusSettings()
        s.autoCacheVault = true
        s.autoCacheMessages = true
        s.autoCachePosts = false
        s.autoCacheStories = false
        s.minAccessCountVault = 0
        s.minAccessCountMessages = 0
        s.minAccessCountPosts = 0
        s.minAccessCountStories = 0
        s.cacheImages = true
        s.cacheVideos = true
        s.cacheAudio = true
        s.imageQualities = [.thumb, .preview, .full]
        s.videoQualities = [.preview, .p720]
        s.retentionDays = 30
        s.accessExpiryDays = 7
        s.presignedUrlTtlSeconds = 3_600
        s.storageLimitBytes = 10_737_418_240
        s.storageLimitPurgeStrategy = .purgeOldest
        return s
    }()

    /// These settings, each unset field taken from `base`.
    public func effective(over base: VaultPlusSettings) -> VaultPlusSettings {
        var s = self
        s.autoCacheVault = autoCacheVault ?? base.autoCacheVault
        s.autoCacheMessages = autoCacheMessages ?? base.autoCacheMessages
        s.autoCachePosts = autoCachePosts ?? base.autoCachePosts
        s.autoCacheStories = autoCacheStories ?? base.autoCacheStories
        s.minAccessCountVault = minAccessCountVault ?? base.minAccessCountVault
        s.minAccessCountMessages = minAccessCountMessages ?? base.minAccessCountMessages
        s.minAccessCountPosts = minAccessCountPosts ?? base.minAccessCountPosts
        s.minAccessCountStories = minAccessCountStories ?? base.minAccessCountStories
        s.cacheImages = cacheImages ?? base.cacheImages
        s.cacheVideos = cacheVideos ?? base.cacheVideos
        s.cacheAudio = cacheAudio ?? base.cacheAudio
        s.imageQualities = imageQualities ?? base.imageQualities
        s.videoQualities = videoQualities ?? base.videoQualities
        s.retentionDays = retentionDays ?? base.retentionDays
        s.accessExpiryDays = accessExpiryDays ?? base.accessExpiryDays
        s.presignedUrlTtlSeconds = presignedUrlTtlSeconds ?? base.presignedUrlTtlSeconds
        s.storageLimitBytes = storageLimitBytes ?? base.storageLimitBytes
        s.storageLimitPurgeStrategy = storageLimitPurgeStrategy ?? base.storageLimitPurgeStrategy
        return s
    }

    /// Whether no field is set.
    public var isEmpty: Bool { self == VaultPlusSettings() }
}

/// An organization's account settings.
public struct OrganizationSettings: Sendable, Equatable {
    /// New connections start with Vault+ on.
    public var autoEnableForNewConnections: Bool
    /// The defaults stored (what a PATCH set); `VaultPlusSettings.builtIn` fills the rest.
    public var defaults: VaultPlusSettings

    public init(autoEnableForNewConnections: Bool = false, defaults: VaultPlusSettings = VaultPlusSettings()) {
        self.autoEnableForNewConnections = autoEnableForNewConnections
        self.defaults = defaults
    }

    /// Every field set: the stored defaults over the built-in ones.
    public var effectiveDefaults: VaultPlusSettings { defaults.effective(over: .builtIn) }
}

/// A connection's Vault+ settings and what its creator's vault holds.
public struct ConnectionSettings: Sendable, Equatable {
    public var connectionID: String
    public var enabled: Bool
    /// Only the fields this connection overrides.
    public var overrides: VaultPlusSettings
    /// The organization's effective defaults, for the storage limit.
    public var defaults: VaultPlusSettings
    public var mediaCount: Int64
    /// Media whose bytes Fanout holds (uploaded), of `mediaCount`.
    public var storedCount: Int64
    public var totalStorageBytes: Int64

    public init(
        connectionID: String, enabled: Bool, overrides: VaultPlusSettings, defaults: VaultPlusSettings, mediaCount: Int64,
        storedCount: Int64, totalStorageBytes: Int64
    ) {
        self.connectionID = connectionID
        self.enabled = enabled
        self.overrides = overrides
        self.defaults = defaults
        self.mediaCount = mediaCount
        self.storedCount = storedCount
        self.totalStorageBytes = totalStorageBytes
    }

    public var storageLimitBytes: Double { overrides.effective(over: defaults).storageLimitBytes ?? 0 }

    /// Used of the limit, in percent with two decimals; 0 without a limit.
    public var storageUsagePercent: Double {
        let limit = storageLimitBytes
        guard limit > 0 else { return 0 }
        return ((Double(totalStorageBytes) / limit) * 10_000).rounded() / 100
    }
}

extension VaultPlusSettings {
    /// `base` with every field this one sets replaced (a PATCH's merge).
    public func overriding(_ base: VaultPlusSettings) -> VaultPlusSettings { effective(over: base) }

    /// Stored as JSON text (only the fields set); nil when none is.
    public var storedText: String? {
        guard !isEmpty, let data = try? JSONEncoder().encode(self) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Read back from stored text; an unreadable row reads as no settings.
    public init(storedText: String?) {
        guard let storedText, let decoded = try? JSONDecoder().decode(VaultPlusSettings.self, from: Data(storedText.utf8)) else {
            self.init()
            return
        }
        self = decoded
    }
}
