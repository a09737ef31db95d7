import FanoutClient
import FanoutTestSupport
import Foundation
import Testing

/// The account (whoami, connections, Vault+ settings) and self-profile
/// methods, against a live server: values compared with the wire, walks
/// with plain HTTP walks, the documented errors.
@Suite struct FanoutClientAccountTests {
    /// The connection ids, in order, of the plain HTTP walk of `query` on the
    /// key of `organization` (the server's order: oldest first, then by id,
    /// which is random for connections made in one instant).
    static func plainConnectionIDs(_ world: ClientWorld, _ query: String = "", organization: Int = 0) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var offset = 0
        while true {
            let (status, json) = try await world.plain(
                "GET", "/v2/account/connections?limit=1&offset=\(offset)\(query)", organization: organization, connection: nil)
            try #require(status == 200, "\(status) \(json)")
            let page = try #require(json["list"] as? [[String: Any]])
            items += page
            guard json["hasMore"] as? Bool == true else { return items }
            offset = try #require(json["nextOffset"] as? Int)
        }
    }

    static func date(_ text: Any?) -> Date? {
        guard let text = text as? String, !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func code(_ expected: String, field: String? = nil) -> @Sendable (any Error) -> Bool {
        { error in
            guard let error = error as? FanoutClientError else { return false }
            return error.code == expected && (field == nil || error.field == field)
        }
    }

    @Test(arguments: StorageBackend.available) func whoamiAndConnectionsMatchTheWire(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let organization = world.credentials.organizations[0]
            let me = try await client.whoami()
            let (status, wire) = try await world.plain("GET", "/v2/account/whoami", connection: nil)
            #expect(status == 200 && me.name == organization.name && me.id == wire["id"] as? String)
            #expect(me.permissions.map(\.rawValue) == wire["permissions"] as? [String] && me.permissions.contains(.messagesWrite))

            // The walk by offset, one a page, is the server's own walk, and every field is the wire's.
            let plain = try await Self.plainConnectionIDs(world)
            var walked: [FanoutClient.Connection] = []
            for try await connection in client.connections(pageSize: 1) { walked.append(connection) }
            #expect(walked.map(\.id) == plain.map { $0["id"] as? String } && walked.count == organization.connections.count)
            #expect(Set(walked.map(\.id)) == Set(organization.connections.map(\.id)))
            for (connection, wire) in zip(walked, plain) {
                let user = try #require(wire["userData"] as? [String: Any])
                #expect(connection.status == .active && connection.status.rawValue == wire["status"] as? String)
                #expect(String(connection.creator.id) == user["id"] as? String && connection.creator.name == user["name"] as? String)
                #expect(connection.creator.username == user["username"] as? String)
                #expect(connection.creator.avatar?.absoluteString == user["avatar"] as? String)
                #expect(connection.permissions.map(\.rawValue).sorted() == (wire["permissions"] as? [String])?.sorted())
                #expect(connection.createdAt != nil && connection.createdAt == Self.date(wire["createdAt"]))
                #expect(connection.updatedAt == Self.date(wire["updatedAt"]) && connection.lastCheckedAt == Self.date(wire["lastCheckedAt"]))
                #expect(connection.expiredAt == nil && wire["expiredAt"] as? String == "")
                #expect(connection.clientReferenceID == nil && !connection.isImported)
                let credentials = try #require(organization.connections.first { $0.id == connection.id })
                #expect(Int64(connection.creator.id) == credentials.creatorID)
            }
            let readOnly = try #require(walked.first { $0.id == organization.connections[2].id })
            #expect(readOnly.permissions == [.messagesRead, .listsRead])

            // One page: its items and the offset after it.
            let page = try await client.connectionsPage(limit: 2)
            #expect(page.items.map(\.id) == Array(walked.prefix(2).map(\.id)) && page.next == .offset(2))
            #expect(try await client.connectionsPage(limit: 2, offset: 2).next == nil)

            // The filters: everything is active and made here.
            var active: [String] = []
            for try await connection in client.connections(status: .active, imported: false, pageSize: 2) { active.append(connection.id) }
            #expect(active == walked.map(\.id))
            #expect(try await client.connectionsPage(status: .expired).items.isEmpty)
            #expect(try await client.connectionsPage(status: .awaitingTwoFactor).items.isEmpty)
            #expect(try await client.connectionsPage(imported: true).items.isEmpty)

            await #expect(performing: { try await client.connectionsPage(limit: 0) }, throws: Self.code("BAD_REQUEST", field: "limit"))
            await #expect(performing: { try await client.connectionsPage(limit: 101) }, throws: Self.code("BAD_REQUEST", field: "limit"))
        }
    }

    @Test(arguments: StorageBackend.available) func invalidatedAndDeletedConnectionsEndTheirSessions(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            // "Reconnect Lab": its connections are there to be ended.
            let lab = world.client(organization: 2)
            let ids = world.credentials.organizations[2].connections.map(\.id)
            #expect(try await world.client(organization: 2, connection: 0).selfProfile().id > 0)

            let invalidated = try await lab.invalidateConnection(id: ids[0])
            #expect(invalidated.id == ids[0] && invalidated.status == .expired)
            let expiredAt = try #require(invalidated.expiredAt)
            #expect(abs(expiredAt.timeIntervalSinceNow) < 600)
            let ended = world.client(organization: 2, connection: 0)
            await #expect(performing: { try await ended.selfProfile() }, throws: Self.code("SESSION_EXPIRED"))
            // A second call changes nothing; the connection stays listed, expired.
            let again = try await lab.invalidateConnection(id: ids[0])
            #expect(again.status == .expired && again.expiredAt == expiredAt)
            var expired: [FanoutClient.Connection] = []
            for try await connection in lab.connections(status: .expired, pageSize: 1) { expired.append(connection) }
            let plainExpired = try await Self.plainConnectionIDs(world, "&status=expired", organization: 2)
            #expect(expired.map(\.id) == [ids[0]] && plainExpired.map { $0["id"] as? String } == [ids[0]])
            #expect(expired.first?.expiredAt == Self.date(plainExpired.first?["expiredAt"]) && expired.first?.expiredAt == expiredAt)
            var active: [String] = []
            for try await connection in lab.connections(status: .active, pageSize: 1) { active.append(connection.id) }
            let plainActive = try await Self.plainConnectionIDs(world, "&status=active", organization: 2)
            #expect(Set(active) == Set(ids.dropFirst()) && active == plainActive.map { $0["id"] as? String })

            let deleted = try await lab.deleteConnection(id: ids[1])
            #expect(deleted.id == ids[1] && deleted.creator.id == Int(world.credentials.organizations[2].connections[1].creatorID))
            await #expect(performing: { try await world.client(organization: 2, connection: 1).selfProfile() }, throws: Self.code("SESSION_NOT_PROVIDED"))
            var left: [String] = []
            for try await connection in lab.connections() { left.append(connection.id) }
            #expect(Set(left) == [ids[0], ids[2]])
            await #expect(performing: { try await lab.deleteConnection(id: ids[1]) }, throws: Self.code("RESOURCE_NOT_FOUND"))
            await #expect(performing: { try await lab.connectionSettings(id: ids[1]) }, throws: Self.code("RESOURCE_NOT_FOUND"))

            // Another organization's connections, and none, are not found; and untouched.
            let other = world.credentials.organizations[1].connections[0].id
            for id in [other, "no-such-connection"] {
                await #expect(performing: { try await lab.invalidateConnection(id: id) }, throws: Self.code("RESOURCE_NOT_FOUND"))
                await #expect(performing: { try await lab.deleteConnection(id: id) }, throws: Self.code("RESOURCE_NOT_FOUND"))
                await #expect(performing: { try await lab.connectionSettings(id: id) }, throws: Self.code("RESOURCE_NOT_FOUND"))
                await #expect(performing: { try await lab.updateConnectionSettings(id: id, vaultPlusEnabled: true) }, throws: Self.code("RESOURCE_NOT_FOUND"))
            }
            #expect(try await world.client(organization: 1).selfProfile().id == Int(world.credentials.organizations[1].connections[0].creatorID))
        }
    }

    @Test(arguments: StorageBackend.available) func vaultPlusSettingsRoundTrip(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let id = world.credentials.organizations[0].connections[2].id
            let before = try await client.connectionSettings(id: id)
            #expect(before.connectionID == id && before.overrides == FanoutClient.VaultPlusSettings())

            let overrides = FanoutClient.VaultPlusSettings(
                autoCacheVault: false, minAccessCountMessages: 3, imageQualities: [.thumb, .full], videoQualities: [.p720, .source],
                retentionDays: 30, storageLimitBytes: 5_000_000, storageLimitPurgeStrategy: .blockNew)
            let patched = try await client.updateConnectionSettings(id: id, vaultPlusEnabled: true, overrides: overrides)
            let read = try await client.connectionSettings(id: id)
            #expect(patched == read && read.isVaultPlusEnabled && read.overrides == overrides)
            // A later change sets its fields and leaves the others.
            let more = try await client.updateConnectionSettings(id: id, overrides: .init(cacheAudio: false))
            var expected = overrides
            expected.cacheAudio = false
            #expect(more.overrides == expected && more.isVaultPlusEnabled)

            let (status, wire) = try await world.plain("GET", "/v2/account/connections/\(id)/settings", connection: nil)
            let vault = try #require(wire["vaultPlus"] as? [String: Any]), stats = try #require(vault["stats"] as? [String: Any])
            let wireOverrides = try #require(vault["settingsOverrides"] as? [String: Any])
            #expect(status == 200 && vault["enabled"] as? Bool == true)
            #expect(wireOverrides["imageQualities"] as? [String] == ["thumb", "full"] && wireOverrides["videoQualities"] as? [String] == ["720p", "source"])
            #expect(wireOverrides["storageLimitPurgeStrategy"] as? String == "block_new" && wireOverrides["retentionDays"] as? Double == 30)
            #expect(Double(more.stats.mediaCount) == stats["mediaCount"] as? Double && Double(more.stats.storedCount) == stats["storedCount"] as? Double)
            #expect(Double(more.stats.totalStorageBytes) == stats["totalStorageBytes"] as? Double)
            #expect(more.stats.storageLimitBytes == stats["storageLimitBytes"] as? Double && more.stats.storageUsagePercent == stats["storageUsagePercent"] as? Double)
            #expect(more.stats.mediaCount > 0, "the demo creator has vault media")

            // Out of range: a 400 naming the field, and nothing changed.
            await #expect(performing: { try await client.updateConnectionSettings(id: id, overrides: .init(retentionDays: -1)) },
                          throws: { ($0 as? FanoutClientError)?.code == "BAD_REQUEST" && ($0 as? FanoutClientError)?.field?.contains("retentionDays") == true })
            #expect(try await client.connectionSettings(id: id) == more)

            // The organization's defaults.
            let defaults = try await client.organizationSettings()
            #expect(defaults.vaultPlusDefaults.retentionDays != nil && defaults.vaultPlusDefaults.storageLimitPurgeStrategy != nil)
            let changed = try await client.updateOrganizationSettings(
                autoEnableVaultPlusForNewConnections: true, defaults: .init(imageQualities: [.preview], retentionDays: 90))
            #expect(changed.affectedConnections == nil && changed.purges.isEmpty)
            let stored = try await client.organizationSettings()
            #expect(changed.settings == stored && stored.autoEnablesVaultPlusForNewConnections)
            #expect(stored.vaultPlusDefaults.retentionDays == 90 && stored.vaultPlusDefaults.imageQualities == [.preview])
            #expect(stored.vaultPlusDefaults.cacheVideos == defaults.vaultPlusDefaults.cacheVideos)
            let (_, organizationWire) = try await world.plain("GET", "/v2/account/settings", connection: nil)
            let wireDefaults = try #require((organizationWire["vaultPlus"] as? [String: Any])?["defaultSettings"] as? [String: Any])
            #expect(wireDefaults["retentionDays"] as? Double == 90 && wireDefaults["imageQualities"] as? [String] == ["preview"])
            #expect(wireDefaults["storageLimitPurgeStrategy"] as? String == stored.vaultPlusDefaults.storageLimitPurgeStrategy?.rawValue)

            // Applied to every connection: overrides dropped, Vault+ on.
            let applied = try await client.updateOrganizationSettings(applyToExistingConnections: true)
            #expect(applied.affectedConnections == world.credentials.organizations[0].connections.count)
            let after = try await client.connectionSettings(id: id)
            #expect(after.overrides == FanoutClient.VaultPlusSettings() && after.isVaultPlusEnabled)

            await #expect(performing: { try await client.updateOrganizationSettings(defaults: .init(presignedURLTTLSeconds: 700_000)) },
                          throws: { ($0 as? FanoutClientError)?.code == "BAD_REQUEST" && ($0 as? FanoutClientError)?.field?.contains("presignedUrlTtlSeconds") == true })
        }
    }

    @Test(arguments: StorageBackend.available) func selfProfileReadsAndChanges(backend: StorageBackend) async throws {
        try await ClientWorld.with(backend) { world in
            let client = world.client()
            let me = try await client.selfProfile()
            let (status, wire) = try await world.plain("GET", "/v2/access/self")
            #expect(status == 200 && me.id == Int(world.ownerCreatorID) && me.id == wire["id"] as? Int)
            #expect(me.name == wire["name"] as? String && me.username == wire["username"] as? String && me.isVerified == wire["isVerified"] as? Bool)
            #expect(me.avatar?.absoluteString == wire["avatar"] as? String && me.avatar != nil)
            #expect(me.subscribersCount == wire["subscribersCount"] as? Int && me.subscribersCount > 0)
            #expect(me.photosCount == wire["photosCount"] as? Int && me.videosCount == wire["videosCount"] as? Int)
            #expect(me.audiosCount == wire["audiosCount"] as? Int && me.mediaCount == wire["mediasCount"] as? Int && me.postsCount == 0)

            let changed = try await client.updateSelfProfile(name: "Swift Creator", about: "From Swift", idempotencyKey: "self-1")
            #expect(changed.name == "Swift Creator" && changed.about == "From Swift" && changed.id == me.id)
            #expect(changed.subscribersCount == me.subscribersCount && changed.mediaCount == me.mediaCount)
            let read = try await client.selfProfile()
            #expect(read.name == "Swift Creator" && read.about == "From Swift" && read.username == me.username)
            // The same key and body: the first answer again.
            #expect(try await client.updateSelfProfile(name: "Swift Creator", about: "From Swift", idempotencyKey: "self-1") == changed)
            // The same key for another body: refused, nothing changed.
            await #expect(performing: { try await client.updateSelfProfile(name: "Other", idempotencyKey: "self-1") },
                          throws: Self.code("IDEMPOTENCY_KEY_REUSED"))
            #expect(try await client.selfProfile().name == "Swift Creator")
            let cleared = try await client.updateSelfProfile(about: "")
            #expect(cleared.about == nil || cleared.about == "")
            #expect(try await client.selfProfile().name == "Swift Creator")

            await #expect(performing: { try await client.updateSelfProfile(name: "") }, throws: Self.code("BAD_REQUEST", field: "name"))
            await #expect(performing: { try await client.updateSelfProfile(about: String(repeating: "a", count: 1001)) },
                          throws: Self.code("BAD_REQUEST", field: "about"))
            // profile:read only: reads, may not write.
            let reader = world.client(organization: 2, connection: 2)
            #expect(try await reader.selfProfile().id == Int(world.credentials.organizations[2].connections[2].creatorID))
            await #expect(performing: { try await reader.updateSelfProfile(about: "x") }, throws: Self.code("FORBIDDEN"))
            // The read-only connection has no profile:read.
            await #expect(performing: { try await world.client(connection: 2).selfProfile() }, throws: Self.code("FORBIDDEN"))
        }
    }
}
