import FanoutCore
import Foundation
import Synchronization
import Testing

/// An access store that counts its reads.
final class CountingAccessStore: AccessStore {
    let reads = Mutex(0)
    let key = APIKeySecret.generate()

    func apiKeys(lookupID: String) async throws -> [StoredAPIKey] {
        reads.withLock { $0 += 1 }
        return lookupID == key.lookupID ? [key.stored(organizationID: 7)!] : []
    }

    func connection(id: String, organizationID: Int64) async throws -> Connection? {
        reads.withLock { $0 += 1 }
        return id.hasPrefix("conn_") && organizationID == 7 ? Connection(id: id, organizationID: 7, creatorID: 1, permissions: [.messagesRead]) : nil
    }

    func connections(organizationID: Int64) async throws -> [Connection] { fatalError("unused") }
    func createOrganization(name: String) async throws -> Organization { fatalError("unused") }
    func addAPIKey(_ key: StoredAPIKey, label: String) async throws {}
    func revokeAPIKeys(lookupID: String) async throws -> Int { 0 }
    func addConnection(_ connection: Connection, clientReferenceID: String?, at now: Date) async throws {}
    func creatorExists(id: Int64) async throws -> Bool { true }
    func addCreator(_ creator: UserProfile) async throws {}
}

@Suite struct AccessCacheTests {
    @Test func verifiedKeysAndConnectionsCostOneReadUntilTheyExpire() async throws {
        let store = CountingAccessStore()
        let access = AccessService(store: store, cache: AccessCache(ttl: .milliseconds(200)))
        for _ in 0..<50 {
            #expect(try await access.organization(apiKey: store.key.value) == 7)
            #expect(try await access.connection("conn_a", organizationID: 7).creatorID == 1)
        }
        #expect(store.reads.withLock { $0 } == 2)
        try await Task.sleep(for: .milliseconds(250))
        _ = try await access.organization(apiKey: store.key.value)
        #expect(store.reads.withLock { $0 } == 3, "an expired entry is read again")
    }

    @Test func failuresAreNeverCachedAndAWrongSecretNeverMatches() async throws {
        let store = CountingAccessStore()
        let access = AccessService(store: store, cache: AccessCache(ttl: .seconds(60)))
        _ = try await access.organization(apiKey: store.key.value)
        let forged = String(store.key.value.dropLast()) + (store.key.value.hasSuffix("A") ? "B" : "A")
        for _ in 0..<3 {
            await #expect(throws: FanoutError.unauthorized("Invalid API key")) { try await access.organization(apiKey: forged) }
            await #expect(throws: FanoutError.sessionNotProvided) { try await access.connection("nope", organizationID: 7) }
        }
        await #expect(throws: FanoutError.sessionNotProvided) { try await access.connection("conn_a", organizationID: 8) }
        let reads = store.reads.withLock { $0 }
        #expect(reads == 8, "one good key, then every failure read again")
    }

    @Test func itHoldsNoMoreThanItsCapacityAndStillCaches() async throws {
        let store = CountingAccessStore()
        let cache = AccessCache(ttl: .seconds(60), capacity: 10)
        let access = AccessService(store: store, cache: cache)
        for index in 0..<25 { _ = try await access.connection("conn_\(index)", organizationID: 7) }
        #expect(cache.count <= 10, "25 distinct connections in a cache of 10")
        let reads = store.reads.withLock { $0 }
        _ = try await access.connection("conn_24", organizationID: 7)
        #expect(store.reads.withLock { $0 } == reads, "the newest entry survived the clearing")
    }
}
