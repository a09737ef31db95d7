import FanoutAPI
import FanoutCore
import Foundation

extension WireMapper {
    func whoami(_ organization: Organization) -> Components.Schemas.AccountWhoami {
        .init(id: String(organization.id), name: organization.name, permissions: Permission.allCases.map(\.rawValue))
    }

    /// OFAuth's connection: every field a string, none null (the SDK's
    /// model requires them): no expiry or reference reads as "".
    func accountConnection(_ details: ConnectionDetails) -> Components.Schemas.AccountConnection {
        let creator = details.creator
        return .init(
            status: .init(rawValue: details.status.rawValue) ?? .expired, id: details.id,
            userData: .init(id: String(creator.id), name: creator.name, username: creator.username, avatar: creator.avatar ?? ""),
            permissions: details.connection.permissions.sorted().map(\.rawValue),
            expiredAt: details.expiredAt.map(timestamp) ?? "", createdAt: timestamp(details.createdAt),
            updatedAt: timestamp(details.updatedAt), clientReferenceId: details.clientReferenceID ?? "", imported: false,
            lastCheckedAt: timestamp(details.updatedAt))
    }

    func vaultPlusFields(_ s: VaultPlusSettings) -> Components.Schemas.VaultPlusSettingsFields {
        .init(
            autoCacheVault: s.autoCacheVault, autoCacheMessages: s.autoCacheMessages, autoCachePosts: s.autoCachePosts,
            autoCacheStories: s.autoCacheStories, minAccessCountVault: s.minAccessCountVault,
            minAccessCountMessages: s.minAccessCountMessages, minAccessCountPosts: s.minAccessCountPosts,
            minAccessCountStories: s.minAccessCountStories, cacheImages: s.cacheImages, cacheVideos: s.cacheVideos,
            cacheAudio: s.cacheAudio,
            imageQualities: s.imageQualities?.compactMap { .init(rawValue: $0.rawValue) },
            videoQualities: s.videoQualities?.compactMap { .init(rawValue: $0.rawValue) },
            retentionDays: s.retentionDays, accessExpiryDays: s.accessExpiryDays, presignedUrlTtlSeconds: s.presignedUrlTtlSeconds,
            storageLimitBytes: s.storageLimitBytes,
            storageLimitPurgeStrategy: s.storageLimitPurgeStrategy.flatMap { .init(rawValue: $0.rawValue) })
    }

    /// Every field: what is unset comes from Fanout's built-in defaults
    /// (which set them all; the fallbacks below are never reached).
    func vaultPlusDefaults(_ settings: VaultPlusSettings) -> Components.Schemas.VaultPlusDefaults {
        let s = settings.effective(over: .builtIn)
        return .init(
            autoCacheVault: s.autoCacheVault ?? true, autoCacheMessages: s.autoCacheMessages ?? true,
            autoCachePosts: s.autoCachePosts ?? false, autoCacheStories: s.autoCacheStories ?? false,
            minAccessCountVault: s.minAccessCountVault ?? 0, minAccessCountMessages: s.minAccessCountMessages ?? 0,
            minAccessCountPosts: s.minAccessCountPosts ?? 0, minAccessCountStories: s.minAccessCountStories ?? 0,
            cacheImages: s.cacheImages ?? true, cacheVideos: s.cacheVideos ?? true, cacheAudio: s.cacheAudio ?? true,
            imageQualities: (s.imageQualities ?? []).compactMap { .init(rawValue: $0.rawValue) },
            videoQualities: (s.videoQualities ?? []).compactMap { .init(rawValue: $0.rawValue) },
            retentionDays: s.retentionDays ?? 0, accessExpiryDays: s.accessExpiryDays ?? 0,
            presignedUrlTtlSeconds: s.presignedUrlTtlSeconds ?? 0, storageLimitBytes: s.storageLimitBytes ?? 0,
            storageLimitPurgeStrategy: s.storageLimitPurgeStrategy.flatMap { .init(rawValue: $0.rawValue) } ?? .purgeOldest)
    }

    func connectionSettings(_ settings: ConnectionSettings) -> Components.Schemas.AccountConnectionSettings {
        .init(
            connectionId: settings.connectionID,
            vaultPlus: .init(
                enabled: settings.enabled, settingsOverrides: vaultPlusFields(settings.overrides),
                stats: .init(
                    vaultPlusEnabled: settings.enabled, totalStorageBytes: Double(settings.totalStorageBytes),
                    storageLimitBytes: settings.storageLimitBytes, mediaCount: Double(settings.mediaCount),
                    storedCount: Double(settings.storedCount), storageUsagePercent: settings.storageUsagePercent)))
    }

    func organizationSettings(_ settings: OrganizationSettings) -> Components.Schemas.AccountOrganizationSettings {
        .init(vaultPlus: .init(
            autoEnableForNewConnections: settings.autoEnableForNewConnections, defaultSettings: vaultPlusDefaults(settings.defaults)))
    }

    func selfProfile(_ profile: CreatorProfile) -> Components.Schemas.SelfProfile {
        let user = profile.user
        return .init(
            id: Int(user.id), username: user.username, name: user.name, isAuth: true, isVerified: user.isVerified, avatar: user.avatar ?? "",
            about: profile.about, subscribersCount: Int(profile.subscribersCount), postsCount: 0, photosCount: Int(profile.photosCount),
            videosCount: Int(profile.videosCount), audiosCount: Int(profile.audiosCount), mediasCount: Int(profile.mediasCount))
    }

    /// OFAuth's profile after a PATCH; `lists` is the profile's own lists,
    /// none here (a creator's user lists are `GET /users/lists`).
    func selfProfileUpdated(_ profile: CreatorProfile) -> Components.Schemas.SelfProfileUpdated {
        let user = profile.user
        return .init(
            id: Int(user.id), username: user.username, name: user.name, isVerified: user.isVerified, avatar: user.avatar ?? "", lists: [],
            about: profile.about, subscribersCount: Int(profile.subscribersCount), postsCount: 0, photosCount: Int(profile.photosCount),
            videosCount: Int(profile.videosCount), audiosCount: Int(profile.audiosCount), mediasCount: Int(profile.mediasCount))
    }

    /// `connection.*`'s envelope, as the official SDKs type it: `{type,
    /// eventType, live, timestamp, data: {connection: {id, platformUserId,
    /// status, userData: {userId, name, username, avatar}, permissions},
    /// clientReferenceId}}`.
    func connectionEvent(
        type: WebhookEventType, at date: Date, environment: String, connectionID: String, status: ConnectionStatus, creator: UserProfile,
        permissions: Set<Permission>, clientReferenceID: String?
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 1_024)
        w.beginObject()
        w.field("type", type.rawValue)
        w.field("eventType", type.rawValue)
        w.field("live", environment == "live")
        w.field("timestamp", timestamp: date)
        w.key("data")
        w.beginObject()
        w.key("connection")
        w.beginObject()
        w.field("id", connectionID)
        w.field("platformUserId", String(creator.id))
        w.field("status", status.rawValue)
        w.key("userData")
        w.beginObject()
        w.field("userId", String(creator.id))
        w.field("name", creator.name)
        w.field("username", creator.username)
        w.field("avatar", creator.avatar ?? "")
        w.endObject()
        w.key("permissions")
        w.beginArray()
        for permission in permissions.sorted() { w.string(permission.rawValue) }
        w.endArray()
        w.endObject()
        w.key("clientReferenceId")
        if let clientReferenceID { w.string(clientReferenceID) } else { w.null() }
        w.endObject()
        w.endObject()
        return w.bytes
    }
}
