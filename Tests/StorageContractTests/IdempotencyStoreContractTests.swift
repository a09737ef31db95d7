import FanoutCore
import FanoutTestSupport
import Foundation
import Testing

/// The ledger of Idempotency-Keys, on every backend: a key is taken once,
/// replayed, refused for another request, freed after 24 hours; the written
/// mark commits with the write, and a request that lost its key writes nothing.
@Suite struct IdempotencyStoreContractTests {
    static let now = Scenario.now
    static let key = IdempotencyKey("order-1")!
    static let printA = IdempotencyKey.fingerprint(method: "POST", target: "/v2/access/users/lists", body: Array(#"{"name":"A"}"#.utf8))
    static let printB = IdempotencyKey.fingerprint(method: "POST", target: "/v2/access/users/lists", body: Array(#"{"name":"B"}"#.utf8))
    static let answer = StoredResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(#"{"id":1}"#.utf8))

    static func claim(_ begin: IdempotencyBegin) throws -> IdempotencyClaim {
        guard case .proceed(let claim) = begin else { throw UnexpectedVerdict(begin: begin) }
        return claim
    }

    struct UnexpectedVerdict: Error { let begin: IdempotencyBegin }

    @Test(arguments: StorageBackend.available) func aKeyIsTakenOnceReplayedAndFreedAfterADay(backend: StorageBackend) async throws {
        try await backend.withStorage { store in
            let claim = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printA, at: Self.now))
            let running = try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printA, at: Self.now)
            #expect(running == .inProgress)
            let other = try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printB, at: Self.now)
            #expect(other == .mismatch)
            let elsewhere = try await store.beginIdempotentRequest(connectionID: "conn_b", key: Self.key, fingerprint: Self.printA, at: Self.now)
            _ = try Self.claim(elsewhere)

            try await store.finishIdempotentRequest(claim, response: Self.answer)
            let later = Self.now.addingTimeInterval(IdempotencyKey.retention - 1)
            let replay = try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printA, at: later)
            #expect(replay == .replay(Self.answer))
            let stillOther = try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printB, at: later)
            #expect(stillOther == .mismatch)
            let dayLater = Self.now.addingTimeInterval(IdempotencyKey.retention)
            _ = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printB, at: dayLater))
        }
    }

    @Test(arguments: StorageBackend.available) func theMarkCommitsWithTheWriteAndALostKeyWritesNothing(backend: StorageBackend) async throws {
        try await Scenario.withSeeded(backend) { store in
            // Written, then its server stopped before the answer: never run again.
            let kept = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printA, at: Self.now))
            let list = try await IdempotencyClaim.$current.withValue(kept) {
                try await store.createUserList(name: "Kept", creatorID: 1, at: Self.now)
            }
            #expect(list != nil)
            #expect(try await store.releaseIdempotentRequest(kept) == false, "a key that wrote is not given back")
            let afterLease = Self.now.addingTimeInterval(IdempotencyKey.lease)
            let lost = try await store.beginIdempotentRequest(connectionID: "conn_a", key: Self.key, fingerprint: Self.printA, at: afterLease)
            #expect(lost == .answerLost)

            // Held past its lease without writing: a repeat takes it over, and the
            // first attempt's write then fails and leaves nothing behind.
            let key = IdempotencyKey("order-2")!
            let slow = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: key, fingerprint: Self.printB, at: Self.now))
            let early = try await store.beginIdempotentRequest(
                connectionID: "conn_a", key: key, fingerprint: Self.printB, at: afterLease.addingTimeInterval(-1))
            #expect(early == .inProgress)
            let fresh = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: key, fingerprint: Self.printB, at: afterLease))
            #expect(fresh.token != slow.token)
            await #expect(throws: FanoutError.idempotencyKeyInUse(IdempotencyClaim.lostMessage)) {
                try await IdempotencyClaim.$current.withValue(slow) { _ = try await store.createUserList(name: "Slow", creatorID: 1, at: Self.now) }
            }
            let names = try await store.userLists(creatorID: 1, page: PageRequest(limit: 100, offset: 0), search: nil).items.map(\.name)
            #expect(names == ["Kept"], "the slow attempt's list was rolled back with its failed mark")
            _ = try await IdempotencyClaim.$current.withValue(fresh) { try await store.createUserList(name: "Fresh", creatorID: 1, at: Self.now) }
            #expect(try await store.releaseIdempotentRequest(slow) == false, "the slow attempt's token no longer holds anything")

            // Nothing written: the key is given back, and free at once.
            let unused = try Self.claim(try await store.beginIdempotentRequest(
                connectionID: "conn_a", key: IdempotencyKey("order-3")!, fingerprint: Self.printA, at: Self.now))
            #expect(try await store.releaseIdempotentRequest(unused))
            _ = try Self.claim(try await store.beginIdempotentRequest(
                connectionID: "conn_a", key: IdempotencyKey("order-3")!, fingerprint: Self.printB, at: Self.now))
        }
    }

    @Test(arguments: StorageBackend.available) func expiredKeysArePurged(backend: StorageBackend) async throws {
        try await backend.withStorage { store in
            let old = IdempotencyKey("old")!, recent = IdempotencyKey("recent")!
            _ = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: old, fingerprint: Self.printA, at: Self.now))
            let later = Self.now.addingTimeInterval(7200)
            _ = try Self.claim(try await store.beginIdempotentRequest(connectionID: "conn_a", key: recent, fingerprint: Self.printA, at: later))
            #expect(try await store.purgeIdempotencyKeys(takenBefore: Self.now.addingTimeInterval(3600)) == 1)
            // Checked within the lease of the recent one: it is still held, the purged one is free.
            let purged = try await store.beginIdempotentRequest(connectionID: "conn_a", key: old, fingerprint: Self.printB, at: later)
            _ = try Self.claim(purged)
            let held = try await store.beginIdempotentRequest(connectionID: "conn_a", key: recent, fingerprint: Self.printA, at: later)
            #expect(held == .inProgress)
        }
    }
}
