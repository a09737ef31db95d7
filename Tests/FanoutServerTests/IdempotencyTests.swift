import FanoutAPI
import FanoutCore
import FanoutTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// `Idempotency-Key` on the writes under /v2/access (Stripe's contract).
@Suite struct IdempotencyTests {
    static let keyHeader = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!
    static let scheduled = #"{"text": "Once only", "scheduledDate": "2099-01-01T20:00:00Z"}"#

    /// `body` (raw JSON text, so that repeats are byte for byte the same) as `caller`, with `key`.
    static func write(
        _ api: APIClient, _ path: String, method: HTTPRequest.Method = .post, as caller: Caller, key: String?, body: String
    ) async throws -> APIResponse {
        var headers = caller.headers
        headers[.contentType] = "application/json"
        if let key { headers[keyHeader] = key }
        return try await api.send(path, method: method, headers: headers, body: ByteBuffer(string: body))
    }

    /// The caller's scheduled mass messages, by id, every page.
    static func scheduledIDs(_ api: APIClient, as caller: Caller) async throws -> [Int64] {
        var ids: [Int64] = []
        while true {
            let page = try await api.get("/v2/access/mass-messages?limit=20&offset=\(ids.count)&type=scheduled", as: caller).object
            let list = try #require(page["list"] as? [[String: Any]])
            ids += list.compactMap { ($0["id"] as? NSNumber)?.int64Value }
            guard page["hasMore"] as? Bool == true, !list.isEmpty else { return ids }
        }
    }

    @Test(arguments: StorageBackend.available) func aRepeatGetsTheSameAnswerAndWritesNothing(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let before = try await Self.scheduledIDs(api, as: world.owner)
                let first = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "order-1", body: Self.scheduled)
                #expect(first.status == .ok && first.headers[Self.replayed] == nil)
                let repeated = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "order-1", body: Self.scheduled)
                #expect(repeated.status == .ok && repeated.headers[Self.replayed] == "true")
                #expect(repeated.body == first.body, "the stored answer, byte for byte")
                #expect(repeated.headers[.contentType] == first.headers[.contentType])
                let after = try await Self.scheduledIDs(api, as: world.owner)
                #expect(after.count == before.count + 1, "one mass message, not two")

                // A delete repeated is its first answer again, not a 404.
                let id = try #require(try first.object["id"] as? NSNumber).int64Value
                let path = "/v2/access/mass-messages/\(id)"
                let deleted = try await Self.write(api, path, method: .delete, as: world.owner, key: "delete-1", body: "{}")
                #expect(deleted.status == .ok)
                let again = try await Self.write(api, path, method: .delete, as: world.owner, key: "delete-1", body: "{}")
                #expect(again.status == .ok && again.headers[Self.replayed] == "true" && again.body == deleted.body)
                let unkeyed = try await Self.write(api, path, method: .delete, as: world.owner, key: nil, body: "{}")
                #expect(unkeyed.status == .notFound, "without the key, the second delete finds nothing")

                // Reads ignore the header.
                var headers = world.owner.headers
                headers[Self.keyHeader] = "order-1"
                let read = try await api.send("/v2/access/mass-messages?limit=1", method: .get, headers: headers)
                #expect(read.status == .ok && read.headers[Self.replayed] == nil)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func theKeyOnAnotherRequestIs422PerConnection(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let first = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "k", body: Self.scheduled)
                #expect(first.status == .ok)
                let otherBody = try await Self.write(
                    api, "/v2/access/mass-messages", as: world.owner, key: "k", body: #"{"text": "Something else", "scheduledDate": "2099-01-01T20:00:00Z"}"#)
                #expect(otherBody.status == .unprocessableContent)
                let error = try otherBody.error
                #expect(error._type == "IDEMPOTENCY_KEY_REUSED" && error.code == "IDEMPOTENCY_KEY_REUSED")
                #expect(error.details?.field == "Idempotency-Key" && error.message.contains("Idempotency-Key"))
                let otherPath = try await Self.write(api, "/v2/access/users/lists", as: world.owner, key: "k", body: #"{"name": "K"}"#)
                #expect(otherPath.status == .unprocessableContent)

                // Another connection's "k" is its own.
                let before = try await Self.scheduledIDs(api, as: world.secondCreator)
                let theirs = try await Self.write(api, "/v2/access/mass-messages", as: world.secondCreator, key: "k", body: Self.scheduled)
                #expect(theirs.status == .ok && theirs.headers[Self.replayed] == nil && theirs.body != first.body)
                #expect(try await Self.scheduledIDs(api, as: world.secondCreator).count == before.count + 1)

                for bad in [String(repeating: "x", count: 256), "tab\there", "naïve"] {
                    let refused = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: bad, body: Self.scheduled)
                    #expect(refused.status == .badRequest)
                    #expect(try refused.error.details?.field == "Idempotency-Key")
                }
                #expect(try await Self.write(
                    api, "/v2/access/mass-messages", as: world.owner, key: String(repeating: "x", count: 255), body: Self.scheduled
                ).status == .ok)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func fiftyConcurrentRequestsWithOneKeyWriteOnce(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let before = try await Self.scheduledIDs(api, as: world.owner)
                let answers = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                    for _ in 0..<50 {
                        group.addTask { try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "burst", body: Self.scheduled) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let ran = answers.filter { $0.status == .ok && $0.headers[Self.replayed] == nil }
                let replays = answers.filter { $0.status == .ok && $0.headers[Self.replayed] == "true" }
                let busy = answers.filter { $0.status == .conflict }
                #expect(ran.count == 1, "exactly one ran")
                #expect(replays.count + busy.count == 49, "the others were replayed or told it is running")
                #expect(replays.allSatisfy { $0.body == ran.first?.body })
                #expect(try busy.allSatisfy { try $0.error._type == "IDEMPOTENCY_KEY_IN_USE" })
                #expect(try await Self.scheduledIDs(api, as: world.owner).count == before.count + 1)
            }
        }
    }

    @Test(arguments: StorageBackend.available) func aFailureBeforeWritingGivesTheKeyBackAndKeysLastADay(backend: StorageBackend) async throws {
        try await TestWorld.with(backend) { world in
            try await world.withClient { api in
                let before = try await Self.scheduledIDs(api, as: world.owner)
                let invalid = try await Self.write(
                    api, "/v2/access/mass-messages", as: world.owner, key: "retry", body: #"{"text": "Oops", "price": -1}"#)
                #expect(invalid.status == .badRequest)
                let corrected = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "retry", body: Self.scheduled)
                #expect(corrected.status == .ok && corrected.headers[Self.replayed] == nil, "the 400 wrote nothing and kept no key")

                world.clock.advance(by: 24 * 3600 - 1)
                let late = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "retry", body: Self.scheduled)
                #expect(late.headers[Self.replayed] == "true")
                world.clock.advance(by: 1)
                let expired = try await Self.write(api, "/v2/access/mass-messages", as: world.owner, key: "retry", body: Self.scheduled)
                #expect(expired.status == .ok && expired.headers[Self.replayed] == nil, "after 24 hours the key is new")
                #expect(try await Self.scheduledIDs(api, as: world.owner).count == before.count + 2)
            }
        }
    }
}
