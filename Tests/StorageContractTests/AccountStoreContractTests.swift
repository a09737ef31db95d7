import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// The account store on every backend: connections listed, invalidated and
/// deleted within their organization, settings stored, the creator's
/// profile, and each connection change's webhook event in the outbox.
@Suite struct AccountStoreContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let page = PageRequest(limit: 20, offset: 0)

    @Test(arguments: StorageBackend.available)
    func connectionsAreListedInvalidatedAndDeletedWithinTheirOrganization(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let mine = try await operations.createOrganization(name: "Mine"), theirs = try await operations.createOrganization(name: "Theirs")
            #expect(try await storage.organization(id: mine.organizationID)?.name == "Mine")
            let first = try await operations.createConnection(
                organizationID: mine.organizationID, creatorID: 1, permissions: [.messagesRead, .profileRead], clientReferenceID: "crm-7",
                at: Self.now)
            let second = try await operations.createConnection(
                organizationID: mine.organizationID, creatorID: 2, permissions: [.vaultRead], at: Self.now.addingTimeInterval(1))
            let foreign = try await operations.createConnection(
                organizationID: theirs.organizationID, creatorID: 1, permissions: [.messagesRead], at: Self.now)
            await #expect(throws: FanoutError.self) {
                try await operations.createConnection(organizationID: 999_999, creatorID: 1, permissions: [], at: Self.now)
            }

            let listed = try await storage.connectionDetails(organizationID: mine.organizationID, filter: .init(), page: Self.page)
            #expect(listed.items.map(\.id) == [first.id, second.id] && !listed.hasMore, "oldest first, only the organization's")
            let details = try #require(listed.items.first)
            #expect(details.status == .active && details.connection.permissions == [.messagesRead, .profileRead])
            #expect(details.creator.id == 1 && details.creator.name == "Creator" && details.creator.username == "creator")
            #expect(details.clientReferenceID == "crm-7" && details.createdAt == Self.now && details.updatedAt == Self.now && details.expiredAt == nil)
            let firstPage = try await storage.connectionDetails(organizationID: mine.organizationID, filter: .init(), page: .init(limit: 1, offset: 0))
            let secondPage = try await storage.connectionDetails(organizationID: mine.organizationID, filter: .init(), page: .init(limit: 1, offset: 1))
            #expect(firstPage.items.map(\.id) == [first.id] && firstPage.hasMore && secondPage.items.map(\.id) == [second.id] && !secondPage.hasMore)

            // Invalidated: kept, expired, refused by the access service; another organization cannot.
            #expect(try await storage.invalidateConnection(id: first.id, organizationID: theirs.organizationID, at: Self.now) == nil)
            let later = Self.now.addingTimeInterval(60)
            let expired = try #require(try await storage.invalidateConnection(id: first.id, organizationID: mine.organizationID, at: later))
            #expect(expired.status == .expired && expired.expiredAt == later && expired.updatedAt == later)
            let again = try #require(try await storage.invalidateConnection(id: first.id, organizationID: mine.organizationID, at: later.addingTimeInterval(60)))
            #expect(again.expiredAt == later, "a second invalidation changes nothing")
            let access = AccessService(store: storage)
            await #expect(throws: FanoutError.sessionExpired(first.id)) { try await access.connection(first.id, organizationID: mine.organizationID) }
            #expect(try await storage.connectionDetails(organizationID: mine.organizationID, filter: .init(status: .expired), page: Self.page).items.map(\.id) == [first.id])
            #expect(try await storage.connectionDetails(organizationID: mine.organizationID, filter: .init(status: .active), page: Self.page).items.map(\.id) == [second.id])
            #expect(try await access.connection(foreign.id, organizationID: theirs.organizationID).status == .active, "the other organization's is untouched")

            // Deleted: gone for good.
            #expect(try await storage.deleteConnection(id: second.id, organizationID: theirs.organizationID, at: later) == nil)
            let deleted = try #require(try await storage.deleteConnection(id: second.id, organizationID: mine.organizationID, at: later))
            #expect(deleted.id == second.id && deleted.status == .expired)
            #expect(try await storage.connectionDetails(id: second.id, organizationID: mine.organizationID) == nil)
            await #expect(throws: FanoutError.sessionNotProvided) { try await access.connection(second.id, organizationID: mine.organizationID) }
            #expect(try await storage.deleteConnection(id: second.id, organizationID: mine.organizationID, at: later) == nil)
        }
    }

    @Test(arguments: StorageBackend.available)
    func settingsAreStoredMergedAndReset(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let mine = try await operations.createOrganization(name: "Mine"), theirs = try await operations.createOrganization(name: "Theirs")
            let connection = try await operations.createConnection(organizationID: mine.organizationID, creatorID: 1, permissions: [.vaultRead], at: Self.now)
            let initial = try #require(try await storage.connectionSettings(id: connection.id, organizationID: mine.organizationID))
            #expect(!initial.enabled && initial.overrides.isEmpty && initial.defaults == VaultPlusSettings.builtIn)
            // Creator 1's vault: photo 500 (100 bytes) and video 501 (200 bytes), neither uploaded here.
            #expect(initial.mediaCount == 2 && initial.totalStorageBytes == 300 && initial.storedCount == 0)
            #expect(try await storage.connectionSettings(id: connection.id, organizationID: theirs.organizationID) == nil)

            var patch = VaultPlusSettings()
            patch.retentionDays = 90
            patch.imageQualities = [.full]
            let patched = try #require(try await storage.updateConnectionSettings(
                id: connection.id, organizationID: mine.organizationID, enabled: true, overrides: .merge(patch), at: Self.now))
            #expect(patched.enabled && patched.overrides == patch)
            var more = VaultPlusSettings()
            more.storageLimitPurgeStrategy = .blockNew
            more.retentionDays = 7
            let merged = try #require(try await storage.updateConnectionSettings(
                id: connection.id, organizationID: mine.organizationID, enabled: nil, overrides: .merge(more), at: Self.now))
            #expect(merged.enabled, "enabled unchanged when not given")
            #expect(merged.overrides.retentionDays == 7 && merged.overrides.imageQualities == [.full] && merged.overrides.storageLimitPurgeStrategy == .blockNew)
            let reset = try #require(try await storage.updateConnectionSettings(
                id: connection.id, organizationID: mine.organizationID, enabled: false, overrides: .reset, at: Self.now))
            #expect(!reset.enabled && reset.overrides.isEmpty)
            #expect(try await storage.updateConnectionSettings(
                id: connection.id, organizationID: theirs.organizationID, enabled: true, overrides: .reset, at: Self.now) == nil)

            // The organization's defaults and auto-enable: new connections start with Vault+ on.
            #expect(try await storage.organizationSettings(organizationID: mine.organizationID) == OrganizationSettings())
            var defaults = VaultPlusSettings()
            defaults.storageLimitBytes = 1_000
            _ = try await storage.updateConnectionSettings(
                id: connection.id, organizationID: mine.organizationID, enabled: nil, overrides: .merge(patch), at: Self.now)
            let affected = try await storage.updateOrganizationSettings(
                organizationID: mine.organizationID, settings: OrganizationSettings(autoEnableForNewConnections: true, defaults: defaults),
                applyToExisting: true, at: Self.now)
            #expect(affected == 1)
            #expect(try await storage.organizationSettings(organizationID: mine.organizationID)
                == OrganizationSettings(autoEnableForNewConnections: true, defaults: defaults))
            #expect(try await storage.organizationSettings(organizationID: theirs.organizationID) == OrganizationSettings())
            let applied = try #require(try await storage.connectionSettings(id: connection.id, organizationID: mine.organizationID))
            #expect(applied.enabled && applied.overrides.isEmpty && applied.storageLimitBytes == 1_000 && applied.storageUsagePercent == 30)
            let fresh = try await operations.createConnection(organizationID: mine.organizationID, creatorID: 2, permissions: [], at: Self.now)
            #expect(try await storage.connectionSettings(id: fresh.id, organizationID: mine.organizationID)?.enabled == true)
        }
    }

    @Test(arguments: StorageBackend.available)
    func theCreatorsProfileCountsAndChanges(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let profile = try #require(try await storage.creatorProfile(creatorID: 1))
            #expect(profile.user.name == "Creator" && profile.user.username == "creator" && profile.about == nil)
            #expect(profile.subscribersCount == 3 && profile.photosCount == 1 && profile.videosCount == 1 && profile.audiosCount == 0
                && profile.mediasCount == 2)
            #expect(try await storage.creatorProfile(creatorID: 10) == nil, "a fan is no creator")

            let renamed = try #require(try await storage.updateCreatorProfile(creatorID: 1, name: "Céline", about: "Hi, it's me 💫"))
            #expect(renamed.user.name == "Céline" && renamed.about == "Hi, it's me 💫")
            let aboutOnly = try #require(try await storage.updateCreatorProfile(creatorID: 1, name: nil, about: ""))
            #expect(aboutOnly.user.name == "Céline" && aboutOnly.about == nil, "an empty about clears it")
            #expect(try await storage.creatorProfile(creatorID: 2)?.user.name == "Other", "other creators unchanged")
            #expect(try await storage.updateCreatorProfile(creatorID: 10, name: "Not a creator", about: nil) == nil)
            #expect(try await storage.creatorProfile(creatorID: 10) == nil)
        }
    }

    @Test(arguments: StorageBackend.available)
    func everyConnectionChangeWritesItsEventForItsOrganizationOnly(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { storage in
            let operations = OperatorService(storage: storage)
            let mine = try await operations.createOrganization(name: "Mine"), theirs = try await operations.createOrganization(name: "Theirs")
            let endpoint = try await storage.addWebhookEndpoint(
                organizationID: mine.organizationID, url: "https://example.test/hook", events: [], secret: .generate(), at: Self.now)
            let onlyCreated = try await storage.addWebhookEndpoint(
                organizationID: mine.organizationID, url: "https://example.test/created", events: [.connectionCreated], secret: .generate(), at: Self.now)
            let foreign = try await storage.addWebhookEndpoint(
                organizationID: theirs.organizationID, url: "https://example.test/theirs", events: [], secret: .generate(), at: Self.now)

            let kept = try await operations.createConnection(organizationID: mine.organizationID, creatorID: 1, permissions: [], at: Self.now)
            let gone = try await operations.createConnection(organizationID: mine.organizationID, creatorID: 2, permissions: [], at: Self.now)
            _ = try await storage.updateConnectionSettings(id: kept.id, organizationID: mine.organizationID, enabled: true, overrides: .unchanged, at: Self.now)
            _ = try await storage.invalidateConnection(id: kept.id, organizationID: mine.organizationID, at: Self.now)
            _ = try await storage.invalidateConnection(id: kept.id, organizationID: mine.organizationID, at: Self.now)  // no second event
            _ = try await storage.deleteConnection(id: gone.id, organizationID: mine.organizationID, at: Self.now)

            func types(_ endpointID: Int64, _ organizationID: Int64) async throws -> [WebhookEventType] {
                try #require(try await storage.webhookDeliveries(endpointID: endpointID, organizationID: organizationID, page: Self.page))
                    .items.reversed().map(\.type)
            }
            #expect(try await types(endpoint.id, mine.organizationID)
                == [.connectionCreated, .connectionCreated, .connectionUpdated, .connectionExpired, .connectionExpired])
            #expect(try await types(onlyCreated.id, mine.organizationID) == [.connectionCreated, .connectionCreated])
            #expect(try await types(foreign.id, theirs.organizationID).isEmpty, "another organization hears nothing")
            let due = try await storage.claimDueWebhookDeliveries(
                at: Self.now, leaseUntil: Self.now.addingTimeInterval(60), perEndpoint: 10, limit: 100, excluding: [])
            #expect(due.count == 7 && due.allSatisfy { $0.payload == nil && [kept.id, gone.id].contains($0.connectionID ?? "") })
            #expect(due.filter { $0.connectionID == gone.id }.allSatisfy { $0.subjectID == 2 }, "the creator kept as subject: the deleted one's event can name it")
        }
    }
}
