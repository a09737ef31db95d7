import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Testing

/// `/v2/account/*` (the API key alone) and `/v2/access/self`.
@Suite struct AccountEndpointTests {
    typealias Page = Components.Schemas.AccountConnectionPage
    typealias Changed = Components.Schemas.AccountConnectionChanged

    /// The organization's key, with no connection.
    static func key(_ caller: Caller) -> Caller { Caller(apiKey: caller.apiKey, connectionID: "", creatorID: 0) }

    @Test(arguments: StorageBackend.available) func whoamiAndTheConnectionsListNeedOnlyTheKey(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let key = Self.key(world.owner)
                let me = try await api.get("/v2/account/whoami", as: key).decode(Components.Schemas.AccountWhoami.self)
                #expect(me.name == world.credentials.organizations[0].name && Int64(me.id) != nil)
                #expect(me.permissions.contains("messages:read") && me.permissions.contains("profile:write"))
                // A connection sent (even another organization's) is ignored here.
                var stray = key
                stray.connectionID = world.otherTenant.connectionID
                #expect(try await api.get("/v2/account/whoami", as: stray).decode(Components.Schemas.AccountWhoami.self).id == me.id)
                let missing = try await api.get("/v2/account/whoami", as: nil)
                #expect(try missing.status == .unauthorized && missing.error._type == "UNAUTHORIZED")

                // Every connection of the organization, walked by nextOffset, oldest first.
                var walked: [Components.Schemas.AccountConnection] = []
                var offset = 0
                while true {
                    let page = try await api.get("/v2/account/connections?limit=1&offset=\(offset)", as: key).decode(Page.self)
                    walked += page.list
                    guard page.hasMore, let next = page.nextOffset else { #expect(page.nextOffset == nil); break }
                    offset = next
                }
                // Oldest first, ties by id: the world makes its connections in one instant, so the walk
                // is compared with one whole page, and with the credentials as a set.
                let expected = world.credentials.organizations[0].connections
                let whole = try await api.get("/v2/account/connections?limit=100", as: key).decode(Page.self)
                #expect(walked.map(\.id) == whole.list.map(\.id))
                #expect(Set(walked.map(\.id)) == Set(expected.map(\.id)) && walked.count == expected.count)
                let first = try #require(walked.first { $0.id == expected[0].id })
                #expect(first.status == .active && first.userData.id == String(world.owner.creatorID) && !first.userData.username.isEmpty)
                #expect(!first.userData.avatar.isEmpty && first.expiredAt == "" && first.clientReferenceId == "" && !first.imported)
                #expect(Set(first.permissions) == Set(expected[0].permissions.map(\.rawValue)))
                #expect(try await api.get("/v2/account/connections?imported=true", as: key).decode(Page.self).list.isEmpty)
                #expect(try await api.get("/v2/account/connections?imported=false&status=active", as: key).decode(Page.self).list.count == expected.count)
                #expect(try await api.get("/v2/account/connections?status=awaiting_2fa", as: key).decode(Page.self).list.isEmpty)
                let theirs = try await api.get("/v2/account/connections", as: Self.key(world.otherTenant)).decode(Page.self)
                #expect(theirs.list.map(\.id) == [world.otherTenant.connectionID], "each organization sees its own")

                for (query, field) in [("status=gone", "status"), ("imported=yes", "imported"), ("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset")] {
                    let bad = try await api.get("/v2/account/connections?\(query)", as: key)
                    #expect(try bad.status == .badRequest && bad.error.details?.field == field, "\(query)")
                }
            }
        }
    }

    @Test(arguments: StorageBackend.available) func anInvalidatedConnectionAnswersSessionExpiredAtOnce(backend: StorageBackend) async throws {
        // A long auth cache: the connection was just used (cached), and must stop working at once anyway.
        try await TestWorld.with(backend, accessCache: AccessCache(ttl: .seconds(60))) { world in
            try await world.withClient { api in
                let key = Self.key(world.owner)
                #expect(try await api.get("/v2/access/chats", as: world.secondCreator).status == .ok)
                // Another organization's connection is not found, and keeps working.
                let foreign = try await api.send("/v2/account/connections/\(world.secondCreator.connectionID)/invalidate", method: .post, headers: Self.key(world.otherTenant).headers)
                #expect(try foreign.status == .notFound && foreign.error._type == "RESOURCE_NOT_FOUND")
                #expect(try await api.get("/v2/access/chats", as: world.secondCreator).status == .ok)

                let expired = try await api.send("/v2/account/connections/\(world.secondCreator.connectionID)/invalidate", method: .post, headers: key.headers)
                    .decode(Changed.self)
                #expect(expired.success && expired.connection.status == .expired && !expired.connection.expiredAt.isEmpty)
                let refused = try await api.get("/v2/access/chats", as: world.secondCreator)
                #expect(try refused.status == .unauthorized && refused.error._type == "SESSION_EXPIRED")
                #expect(try refused.error.message.contains(world.secondCreator.connectionID))
                #expect(try await api.get("/v2/access/chats", as: world.owner).status == .ok, "the others work on")
                // Kept: listed as expired.
                let listed = try await api.get("/v2/account/connections?status=expired", as: key).decode(Page.self)
                #expect(listed.list.map(\.id) == [world.secondCreator.connectionID])
                #expect(try await api.get("/v2/account/connections/\(world.secondCreator.connectionID)/settings", as: key).status == .ok)
                let unknown = try await api.send("/v2/account/connections/conn_nobody/invalidate", method: .post, headers: key.headers)
                #expect(unknown.status == .notFound)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aDeletedConnectionIsGone(backend: StorageBackend) async throws {
        try await TestWorld.with(backend, accessCache: AccessCache(ttl: .seconds(60))) { world in
            try await world.withClient { api in
                let key = Self.key(world.owner)
                #expect(try await api.get("/v2/access/chats", as: world.readOnly).status == .ok)
                let foreign = try await api.delete("/v2/account/connections/\(world.readOnly.connectionID)", as: Self.key(world.otherTenant))
                #expect(foreign.status == .notFound)
                let deleted = try await api.delete("/v2/account/connections/\(world.readOnly.connectionID)", as: key).decode(Changed.self)
                #expect(deleted.success && deleted.connection.id == world.readOnly.connectionID)
                let refused = try await api.get("/v2/access/chats", as: world.readOnly)
                #expect(try refused.status == .unauthorized && refused.error._type == "SESSION_NOT_PROVIDED")
                let listed = try await api.get("/v2/account/connections", as: key).decode(Page.self)
                #expect(!listed.list.map(\.id).contains(world.readOnly.connectionID) && listed.list.count == 2)
                #expect(try await api.delete("/v2/account/connections/\(world.readOnly.connectionID)", as: key).status == .notFound)
                #expect(try await api.get("/v2/account/connections/\(world.readOnly.connectionID)/settings", as: key).status == .notFound)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func settingsAreReadPatchedAndValidated(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let key = Self.key(world.owner)
                let path = "/v2/account/connections/\(world.owner.connectionID)/settings"
                let initial = try await api.get(path, as: key).decode(Components.Schemas.AccountConnectionSettings.self)
                #expect(initial.connectionId == world.owner.connectionID && !initial.vaultPlus.enabled)
                #expect(initial.vaultPlus.stats.mediaCount > 0 && initial.vaultPlus.settingsOverrides.retentionDays == nil)
                let patched = try await api.send(path, method: .patch, as: key, json: [
                    "vaultPlus": ["enabled": true, "settings": ["retentionDays": 14, "videoQualities": ["720p", "source"]]],
                ]).decode(Components.Schemas.AccountConnectionSettingsUpdated.self)
                #expect(patched.settings.vaultPlus.enabled && patched.settings.vaultPlus.stats.vaultPlusEnabled)
                #expect(patched.settings.vaultPlus.settingsOverrides.retentionDays == 14)
                #expect(patched.settings.vaultPlus.settingsOverrides.videoQualities?.map(\.rawValue) == ["720p", "source"])
                let read = try await api.get(path, as: key).decode(Components.Schemas.AccountConnectionSettings.self)
                #expect(read.vaultPlus.settingsOverrides.retentionDays == 14, "stored")
                let reset = try await api.send(path, method: .patch, as: key, json: ["vaultPlus": ["settings": NSNull()]])
                    .decode(Components.Schemas.AccountConnectionSettingsUpdated.self)
                #expect(reset.settings.vaultPlus.enabled && reset.settings.vaultPlus.settingsOverrides.retentionDays == nil)

                let bad: [([String: Any], String)] = [
                    (["vaultPlus": ["settings": ["bogus": 1]]], "vaultPlus.settings.bogus"),
                    (["vaultPlus": ["settings": ["retentionDays": "two weeks"]]], "vaultPlus.settings.retentionDays"),
                    (["vaultPlus": ["settings": ["retentionDays": 1e300]]], "vaultPlus.settings.retentionDays"),
                    (["vaultPlus": ["settings": ["imageQualities": ["huge"]]]], "vaultPlus.settings.imageQualities[0]"),
                    (["vaultPlus": ["enabled": "yes"]], "vaultPlus.enabled"),
                    (["vaultPlus": 3], "vaultPlus"),
                    (["vaultPlus": NSNull()], "vaultPlus"),
                    (["vaultPlus": ["enabled": NSNull()]], "vaultPlus.enabled"),
                    (["other": true], "other"),
                ]
                for (body, field) in bad {
                    let response = try await api.send(path, method: .patch, as: key, json: body)
                    #expect(try response.status == .badRequest && response.error.details?.field == field, "\(field)")
                }
                let foreign = try await api.send(path, method: .patch, as: Self.key(world.otherTenant), json: ["vaultPlus": ["enabled": false]])
                #expect(foreign.status == .notFound)
                #expect(try await api.get(path, as: key).decode(Components.Schemas.AccountConnectionSettings.self).vaultPlus.enabled)

                // The organization's settings, and applying them to every connection.
                let org = try await api.get("/v2/account/settings", as: key).decode(Components.Schemas.AccountOrganizationSettings.self)
                #expect(!org.vaultPlus.autoEnableForNewConnections && org.vaultPlus.defaultSettings.retentionDays == 30)
                let updated = try await api.send("/v2/account/settings", method: .patch, as: key, json: [
                    "vaultPlus": ["autoEnableForNewConnections": false, "applyToExistingConnections": true, "defaultSettings": ["retentionDays": 60]],
                ]).decode(Components.Schemas.AccountOrganizationSettingsUpdated.self)
                #expect(updated.settings.vaultPlus.defaultSettings.retentionDays == 60 && updated.settings.vaultPlus.defaultSettings.cacheImages)
                #expect(updated.broadcastResult?.affectedConnections == Double(world.credentials.organizations[0].connections.count))
                #expect(try await api.get(path, as: key).decode(Components.Schemas.AccountConnectionSettings.self).vaultPlus.enabled == false)
                let theirs = try await api.get("/v2/account/settings", as: Self.key(world.otherTenant)).decode(Components.Schemas.AccountOrganizationSettings.self)
                #expect(theirs.vaultPlus.defaultSettings.retentionDays == 30, "another organization's settings are its own")
                let badOrg = try await api.send("/v2/account/settings", method: .patch, as: key, json: ["vaultPlus": ["defaultSettings": ["cacheVideos": 1]]])
                #expect(try badOrg.status == .badRequest && badOrg.error.details?.field == "vaultPlus.defaultSettings.cacheVideos")
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theCreatorsOwnProfileIsReadAndPatched(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let me = try await api.get("/v2/access/self", as: world.owner).decode(Components.Schemas.SelfProfile.self)
                #expect(Int64(me.id) == world.owner.creatorID && me.isAuth && !me.username.isEmpty && !me.avatar.isEmpty)
                let subscribers = try await api.get("/v2/access/subscribers?type=active&limit=100", as: world.owner)
                    .decode(Components.Schemas.SubscriberPage.self)
                #expect(me.subscribersCount == subscribers.list.count && !subscribers.hasMore)
                #expect(me.photosCount + me.videosCount + (me.audiosCount ?? 0) <= me.mediasCount ?? 0 && (me.mediasCount ?? 0) > 0)

                let patched = try await api.send("/v2/access/self", method: .patch, as: world.owner, json: ["name": "Renamed", "about": "Hello 👋"])
                    .decode(Components.Schemas.SelfProfileUpdated.self)
                #expect(patched.name == "Renamed" && patched.about == "Hello 👋" && patched.username == me.username)
                let read = try await api.get("/v2/access/self", as: world.owner).decode(Components.Schemas.SelfProfile.self)
                #expect(read.name == "Renamed" && read.about == "Hello 👋")
                #expect(try await api.get("/v2/access/self", as: world.secondCreator).decode(Components.Schemas.SelfProfile.self).name != "Renamed")

                for (body, field) in [(["name": String(repeating: "n", count: 101)], "name"), (["name": ""], "name"),
                                      (["about": String(repeating: "a", count: 1_001)], "about"), (["name": 5], "name"), (["avatar": "x"], "avatar")] as [([String: Any], String)] {
                    let response = try await api.send("/v2/access/self", method: .patch, as: world.owner, json: body)
                    #expect(try response.status == .badRequest && response.error.details?.field == field, "\(field)")
                }
                // messages:read and lists:read only: neither profile permission.
                let denied = try await api.get("/v2/access/self", as: world.readOnly)
                #expect(try denied.status == .forbidden && denied.error.details?.allowed == "profile:read")
                let deniedPatch = try await api.send("/v2/access/self", method: .patch, as: world.readOnly, json: ["name": "x"])
                #expect(try deniedPatch.status == .forbidden && deniedPatch.error.details?.allowed == "profile:write")
                #expect(try await api.get("/v2/access/self", as: nil).status == .unauthorized)
            }
        }
    }
}
