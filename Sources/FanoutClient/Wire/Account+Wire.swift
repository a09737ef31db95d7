internal import Foundation

extension FanoutClient.Organization {
    package init(_ wire: Components.Schemas.AccountWhoami) {
        self.init(id: wire.id, name: wire.name, permissions: wire.permissions.map(FanoutClient.Permission.init(rawValue:)))
    }
}

extension FanoutClient.VaultPlusSettings {
    package init(_ wire: Components.Schemas.VaultPlusSettingsFields) throws {
        self.init(
            autoCacheVault: wire.autoCacheVault, autoCacheMessages: wire.autoCacheMessages, autoCachePosts: wire.autoCachePosts,
            autoCacheStories: wire.autoCacheStories, minAccessCountVault: wire.minAccessCountVault,
            minAccessCountMessages: wire.minAccessCountMessages, minAccessCountPosts: wire.minAccessCountPosts,
            minAccessCountStories: wire.minAccessCountStories, cacheImages: wire.cacheImages, cacheVideos: wire.cacheVideos,
            cacheAudio: wire.cacheAudio,
            imageQualities: try wire.imageQualities?.map { try Self.value($0.rawValue, field: "imageQualities") },
            videoQualities: try wire.videoQualities?.map { try Self.value($0.rawValue, field: "videoQualities") },
            retentionDays: wire.retentionDays, accessExpiryDays: wire.accessExpiryDays, presignedURLTTLSeconds: wire.presignedUrlTtlSeconds,
            storageLimitBytes: wire.storageLimitBytes,
            storageLimitPurgeStrategy: try wire.storageLimitPurgeStrategy.map { try Self.value($0.rawValue, field: "storageLimitPurgeStrategy") })
    }

    package init(_ wire: Components.Schemas.VaultPlusDefaults) throws {
        self.init(
            autoCacheVault: wire.autoCacheVault, autoCacheMessages: wire.autoCacheMessages, autoCachePosts: wire.autoCachePosts,
            autoCacheStories: wire.autoCacheStories, minAccessCountVault: wire.minAccessCountVault,
            minAccessCountMessages: wire.minAccessCountMessages, minAccessCountPosts: wire.minAccessCountPosts,
            minAccessCountStories: wire.minAccessCountStories, cacheImages: wire.cacheImages, cacheVideos: wire.cacheVideos,
            cacheAudio: wire.cacheAudio,
            imageQualities: try wire.imageQualities.map { try Self.value($0.rawValue, field: "imageQualities") },
            videoQualities: try wire.videoQualities.map { try Self.value($0.rawValue, field: "videoQualities") },
            retentionDays: wire.retentionDays, accessExpiryDays: wire.accessExpiryDays, presignedURLTTLSeconds: wire.presignedUrlTtlSeconds,
            storageLimitBytes: wire.storageLimitBytes,
            storageLimitPurgeStrategy: try Self.value(wire.storageLimitPurgeStrategy.rawValue, field: "storageLimitPurgeStrategy"))
    }

    /// The same enum case on the other side (the raw values are the wire's).
    private static func value<T: RawRepresentable<String>>(_ raw: String, field: String) throws -> T {
        guard let value = T(rawValue: raw) else { throw FanoutClientError.invalidResponse(field: field, value: raw) }
        return value
    }

    /// The fields to set, as the wire's organization and connection bodies
    /// take them.
    var wire: Components.Schemas.VaultPlusSettingsFields {
        .init(
            autoCacheVault: autoCacheVault, autoCacheMessages: autoCacheMessages, autoCachePosts: autoCachePosts,
            autoCacheStories: autoCacheStories, minAccessCountVault: minAccessCountVault, minAccessCountMessages: minAccessCountMessages,
            minAccessCountPosts: minAccessCountPosts, minAccessCountStories: minAccessCountStories, cacheImages: cacheImages,
            cacheVideos: cacheVideos, cacheAudio: cacheAudio,
            imageQualities: imageQualities?.compactMap { .init(rawValue: $0.rawValue) },
            videoQualities: videoQualities?.compactMap { .init(rawValue: $0.rawValue) },
            retentionDays: retentionDays, accessExpiryDays: accessExpiryDays, presignedUrlTtlSeconds: presignedURLTTLSeconds,
            storageLimitBytes: storageLimitBytes, storageLimitPurgeStrategy: storageLimitPurgeStrategy.flatMap { .init(rawValue: $0.rawValue) })
    }

    var connectionWire: Components.Schemas.AccountConnectionSettingsBody.VaultPlusPayload.SettingsPayload {
        .init(
            autoCacheVault: autoCacheVault, autoCacheMessages: autoCacheMessages, autoCachePosts: autoCachePosts,
            autoCacheStories: autoCacheStories, minAccessCountVault: minAccessCountVault, minAccessCountMessages: minAccessCountMessages,
            minAccessCountPosts: minAccessCountPosts, minAccessCountStories: minAccessCountStories, cacheImages: cacheImages,
            cacheVideos: cacheVideos, cacheAudio: cacheAudio,
            imageQualities: imageQualities?.compactMap { .init(rawValue: $0.rawValue) },
            videoQualities: videoQualities?.compactMap { .init(rawValue: $0.rawValue) },
            retentionDays: retentionDays, accessExpiryDays: accessExpiryDays, presignedUrlTtlSeconds: presignedURLTTLSeconds,
            storageLimitBytes: storageLimitBytes, storageLimitPurgeStrategy: storageLimitPurgeStrategy.flatMap { .init(rawValue: $0.rawValue) })
    }
}

extension FanoutClient.ConnectionSettings {
    package init(_ wire: Components.Schemas.AccountConnectionSettings) throws {
        let vault = wire.vaultPlus, stats = wire.vaultPlus.stats
        self.init(
            connectionID: wire.connectionId, isVaultPlusEnabled: vault.enabled, overrides: try FanoutClient.VaultPlusSettings(vault.settingsOverrides),
            stats: Stats(
                totalStorageBytes: Int64(try WireValue.whole(stats.totalStorageBytes, field: "stats.totalStorageBytes")),
                storageLimitBytes: stats.storageLimitBytes,
                mediaCount: try WireValue.whole(stats.mediaCount, field: "stats.mediaCount"),
                storedCount: try WireValue.whole(stats.storedCount, field: "stats.storedCount"),
                storageUsagePercent: stats.storageUsagePercent))
    }
}

extension FanoutClient.OrganizationSettings {
    package init(_ wire: Components.Schemas.AccountOrganizationSettings) throws {
        self.init(
            autoEnablesVaultPlusForNewConnections: wire.vaultPlus.autoEnableForNewConnections,
            vaultPlusDefaults: try FanoutClient.VaultPlusSettings(wire.vaultPlus.defaultSettings))
    }
}

extension FanoutClient.OrganizationSettingsUpdate {
    package init(_ wire: Components.Schemas.AccountOrganizationSettingsUpdated) throws {
        let result = wire.broadcastResult
        self.init(
            settings: try FanoutClient.OrganizationSettings(wire.settings),
            affectedConnections: try result.map { try WireValue.whole($0.affectedConnections, field: "broadcastResult.affectedConnections") },
            purges: try (result?.purgeResults ?? []).map {
                Purge(
                    connectionID: $0.connectionId, purgedCount: try WireValue.whole($0.purgedCount, field: "purgeResults.purgedCount"),
                    freedBytes: Int64(try WireValue.whole($0.freedBytes, field: "purgeResults.freedBytes")))
            })
    }
}

extension FanoutClient.Profile {
    package init(_ wire: Components.Schemas.SelfProfile) {
        self.init(
            id: wire.id, username: wire.username, name: wire.name, isVerified: wire.isVerified, avatar: WireValue.url(wire.avatar),
            about: wire.about, subscribersCount: wire.subscribersCount, postsCount: wire.postsCount, photosCount: wire.photosCount,
            videosCount: wire.videosCount, audiosCount: wire.audiosCount, mediaCount: wire.mediasCount)
    }

    /// The profile a change answers with: the counts the contract leaves
    /// optional there are required of it here, as the server sends them.
    package init(_ wire: Components.Schemas.SelfProfileUpdated) throws {
        func count(_ value: Int?, _ field: String) throws -> Int {
            guard let value else { throw FanoutClientError.invalidResponse(field: field, value: "missing") }
            return value
        }
        self.init(
            id: wire.id, username: wire.username, name: wire.name, isVerified: wire.isVerified, avatar: WireValue.url(wire.avatar),
            about: wire.about, subscribersCount: try count(wire.subscribersCount, "subscribersCount"),
            postsCount: try count(wire.postsCount, "postsCount"), photosCount: try count(wire.photosCount, "photosCount"),
            videosCount: try count(wire.videosCount, "videosCount"), audiosCount: wire.audiosCount, mediaCount: wire.mediasCount)
    }
}
