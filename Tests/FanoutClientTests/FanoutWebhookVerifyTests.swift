import Crypto
import FanoutClient
import FanoutWebhook
import Foundation
import Testing

/// `FanoutWebhook.verify` on deliveries signed here with Crypto directly
/// (and Standard Webhooks' published example): what passes, and each way
/// a delivery fails with the error that names it.
@Suite struct FanoutWebhookVerifyTests {
    static let key = Data((0..<24).map { UInt8($0 &* 7 &+ 3) })
    static let secret = "whsec_" + key.base64EncodedString()
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// HMAC-SHA256 of `"<id>.<timestamp>.<body>"`, base64: what a sender puts after `v1,`.
    static func sign(_ body: Data, id: String, timestamp: Int, key: Data = key) -> String {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        return Data(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))).base64EncodedString()
    }

    static func headers(_ body: Data, id: String = "msg_1", timestamp: Int = 1_790_000_000, prefix: String = "webhook") -> [String: String] {
        ["\(prefix)-id": id, "\(prefix)-timestamp": String(timestamp), "\(prefix)-signature": "v1," + sign(body, id: id, timestamp: timestamp)]
    }

    static func envelope(_ type: String, eventBody: String, connection: String? = "conn_1", environment: String = "sandbox") -> Data {
        let connectionJSON = connection.map { #"{"id":"\#($0)","clientReferenceId":null}"# } ?? "null"
        return Data(#"{"type":"\#(type)","eventType":"\#(type)","timestamp":"2026-09-21T14:13:20+00:00","data":{"connection":\#(connectionJSON),"environment":"\#(environment)","eventBody":\#(eventBody)}}"#.utf8)
    }

    static let testBody = envelope("webhook.test", eventBody: #"{"webhookId":12,"message":"Fanout test event"}"#, connection: nil)

    func failure(_ body: Data, _ headers: [String: String], secret: String = secret, now: Date = now) -> FanoutWebhook.VerificationError? {
        do {
            _ = try FanoutWebhook.verify(payload: body, headers: headers, secret: secret, now: now)
            return nil
        } catch {
            return error as? FanoutWebhook.VerificationError
        }
    }

    @Test func standardWebhooksPublishedExampleVerifies() throws {
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let headers = [
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
            "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ]
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let then = Date(timeIntervalSince1970: 1_614_265_330)
        #expect(try FanoutWebhook.verifySignature(payload: body, headers: headers, secret: secret, now: then) == "msg_p5jXN8AQM9LWM0D4loKWxJek")
        // The same key without its prefix, as the Standard Webhooks libraries accept it.
        #expect(throws: Never.self) { try FanoutWebhook.verifySignature(payload: body, headers: headers, secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", now: then) }
        // Signed, but not an event: verify names the body, not the signature.
        #expect(failure(body, headers, secret: secret, now: then) == .undecodableBody("no type"))
        var tampered = headers
        tampered["webhook-signature"] = "v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        #expect(throws: FanoutWebhook.VerificationError.noMatchingSignature) {
            try FanoutWebhook.verifySignature(payload: body, headers: tampered, secret: secret, now: then)
        }
        #expect(throws: FanoutWebhook.VerificationError.timestampTooOld(then)) {
            try FanoutWebhook.verifySignature(payload: body, headers: headers, secret: secret, now: Self.now)
        }
    }

    @Test func aSignedTestEventVerifiesAsItsTypedBody() throws {
        let event = try FanoutWebhook.verify(payload: Self.testBody, headers: Self.headers(Self.testBody, id: "evt_42"), secret: Self.secret, now: Self.now)
        #expect(event.id == "evt_42")
        #expect(event.type == "webhook.test")
        #expect(event.timestamp == Date(timeIntervalSince1970: 1_790_000_000))
        #expect(event.connectionID == nil)
        #expect(event.environment == .sandbox)
        #expect(event.body == .test(FanoutWebhook.TestEvent(webhookID: 12, message: "Fanout test event")))
    }

    @Test func headerNamesAreCaseInsensitiveAndSvixNamesWork() throws {
        let svix = Self.headers(Self.testBody, prefix: "svix")
        #expect(try FanoutWebhook.verify(payload: Self.testBody, headers: svix, secret: Self.secret, now: Self.now).id == "msg_1")
        let mixed = Dictionary(uniqueKeysWithValues: Self.headers(Self.testBody).map { ($0.key.uppercased(), $0.value) })
        #expect(try FanoutWebhook.verify(payload: Self.testBody, headers: mixed, secret: Self.secret, now: Self.now).id == "msg_1")
        #expect(throws: Never.self) {
            try FanoutWebhook.verify(payload: Self.testBody, headers: Self.headers(Self.testBody), secret: Self.key.base64EncodedString(), now: Self.now)
        }
    }

    @Test func anyOneOfSeveralV1SignaturesPasses() throws {
        let good = Self.sign(Self.testBody, id: "msg_1", timestamp: 1_790_000_000)
        let other = Self.sign(Self.testBody, id: "msg_1", timestamp: 1_790_000_000, key: Data(repeating: 9, count: 24))
        var headers = Self.headers(Self.testBody)
        headers["webhook-signature"] = "v1,\(other) v2,\(good) v1,not-base64!! v1,\(good)"
        #expect(throws: Never.self) { try FanoutWebhook.verify(payload: Self.testBody, headers: headers, secret: Self.secret, now: Self.now) }
        // A right signature under another version is no signature.
        headers["webhook-signature"] = "v1,\(other) v2,\(good) v1a,\(good)"
        #expect(failure(Self.testBody, headers) == .noMatchingSignature)
        headers["webhook-signature"] = ""
        #expect(failure(Self.testBody, headers) == .missingHeader("webhook-signature"))
    }

    @Test func aTamperedBodyAWrongSecretOrAnotherIdFail() {
        let headers = Self.headers(Self.testBody)
        var tampered = Self.testBody
        tampered[tampered.index(tampered.startIndex, offsetBy: 70)] ^= 1
        #expect(failure(tampered, headers) == .noMatchingSignature)
        #expect(failure(Self.testBody + Data(" ".utf8), headers) == .noMatchingSignature)
        #expect(failure(Self.testBody, headers, secret: "whsec_" + Data(repeating: 1, count: 24).base64EncodedString()) == .noMatchingSignature)
        var otherID = headers
        otherID["webhook-id"] = "msg_2"
        #expect(failure(Self.testBody, otherID) == .noMatchingSignature)
        #expect(failure(Self.testBody, headers, secret: "whsec_***") == .invalidSecret)
        #expect(failure(Self.testBody, headers, secret: "") == .invalidSecret)
    }

    @Test func timestampsMoreThanFiveMinutesAwayFail() {
        let signedAt = Date(timeIntervalSince1970: 1_790_000_000)
        let headers = Self.headers(Self.testBody)
        #expect(failure(Self.testBody, headers, now: signedAt.addingTimeInterval(300)) == nil, "5 minutes late is in")
        #expect(failure(Self.testBody, headers, now: signedAt.addingTimeInterval(-300)) == nil, "5 minutes early is in")
        #expect(failure(Self.testBody, headers, now: signedAt.addingTimeInterval(301)) == .timestampTooOld(signedAt))
        #expect(failure(Self.testBody, headers, now: signedAt.addingTimeInterval(-301)) == .timestampInFuture(signedAt))
        for text in ["", "abc", "-5", "1.79e9", "1790000000.5", "99999999999999999999999", String(repeating: "9", count: 400)] {
            var bad = headers
            bad["webhook-timestamp"] = text
            let expected: FanoutWebhook.VerificationError = text.isEmpty ? .missingHeader("webhook-timestamp") : .invalidTimestamp(text)
            #expect(failure(Self.testBody, bad) == expected, "\(text.prefix(30))")
        }
        var far = headers
        far["webhook-timestamp"] = "999999999999999"
        #expect(failure(Self.testBody, far) == .timestampInFuture(Date(timeIntervalSince1970: 999_999_999_999_999)))
    }

    @Test func missingHeadersAreNamed() {
        let full = Self.headers(Self.testBody)
        for name in ["id", "timestamp", "signature"] {
            var headers = full
            headers["webhook-\(name)"] = nil
            #expect(failure(Self.testBody, headers) == .missingHeader("webhook-\(name)"))
        }
        #expect(failure(Self.testBody, [:]) == .missingHeader("webhook-id"))
    }

    @Test func eachFanoutBodyDecodesToItsType() throws {
        func verified(_ body: Data) throws -> FanoutWebhook.Event {
            try FanoutWebhook.verify(payload: body, headers: Self.headers(body), secret: Self.secret, now: Self.now)
        }
        let deleted = try verified(Self.envelope("realtime.chat_message.deleted", eventBody: #"{"id":77,"chatId":5,"withUserId":5}"#))
        #expect(deleted.body == .chatMessageDeleted(.init(id: 77, chatID: 5, withUserID: 5)))
        #expect(deleted.connectionID == "conn_1")

        let purchase = try verified(Self.envelope(
            "fanout.mass_message.purchased",
            eventBody: #"{"massMessageId":3,"messageId":90,"fan":{"id":5,"name":"Ann","username":"ann"},"amount":9.99,"createdAt":"2026-09-21T14:13:20+00:00"}"#,
            environment: "live"))
        #expect(purchase.environment == .live)
        #expect(purchase.body == .massMessagePurchased(.init(
            massMessageID: 3, messageID: 90, fan: .init(id: 5, name: "Ann", username: "ann"), amount: Decimal(string: "9.99")!,
            createdAt: Date(timeIntervalSince1970: 1_790_000_000))))

        // A connection event has its own envelope: `live`, and the connection beside the client's reference.
        let connectionBody = Data(#"{"type":"connection.expired","eventType":"connection.expired","live":false,"timestamp":"2026-09-21T14:13:20Z","data":{"connection":{"id":"conn_9","platformUserId":"41","status":"expired","userData":{"userId":"41","name":"Cleo","username":"cleo","avatar":""},"permissions":["messages:read","vault:read"]},"clientReferenceId":"crm-7"}}"#.utf8)
        let expired = try verified(connectionBody)
        #expect(expired.environment == .sandbox && expired.connectionID == "conn_9")
        #expect(expired.body == .connectionExpired(FanoutClient.Connection(
            id: "conn_9", status: .expired, creator: .init(id: 41, name: "Cleo", username: "cleo"),
            permissions: [.messagesRead, .vaultRead], clientReferenceID: "crm-7")))

        let future = Self.envelope("realtime.story.posted", eventBody: #"{"id":1}"#)
        #expect(try verified(future).body == .unknown(type: "realtime.story.posted", payload: future))
        // A type not known yet, in an envelope of another shape (a numeric timestamp, no environment): accepted as it is.
        let otherShape = Data(#"{"eventType":"rules.updated","timestamp":1790000000,"data":[1,2]}"#.utf8)
        let rules = try verified(otherShape)
        #expect(rules.body == .unknown(type: "rules.updated", payload: otherShape) && rules.environment.rawValue == "")
        #expect(rules.timestamp == Date(timeIntervalSince1970: 1_790_000_000), "the signing time stands in")
    }

    @Test func aSignedBodyThatIsNoEventFailsNamingWhere() {
        let cases: [(Data, String)] = [
            (Data("not json".utf8), "not valid JSON"),
            (Self.envelope("realtime.chat_message.deleted", eventBody: #"{"id":"x","chatId":5,"withUserId":5}"#), "data.eventBody.id"),
            (Self.envelope("realtime.chat_message.deleted", eventBody: #"{"id":1,"chatId":5}"#), "data.eventBody.withUserId"),
            // Out of Int's range: refused, not trapped (Foundation's message names no key here).
            (Self.envelope("realtime.chat_message.deleted", eventBody: #"{"id":1e300,"chatId":5,"withUserId":5}"#), ""),
            (Self.envelope("fanout.mass_message.purchased", eventBody: #"{"massMessageId":3,"messageId":90,"fan":{"id":5,"name":"A","username":"a"},"amount":1,"createdAt":"yesterday"}"#), "createdAt"),
            (Data(#"{"type":"webhook.test","data":{"eventBody":{"webhookId":1,"message":""}}}"#.utf8), "no environment"),
        ]
        for (body, place) in cases {
            guard case .undecodableBody(let reason) = failure(body, Self.headers(body)) else {
                Issue.record("\(String(decoding: body, as: UTF8.self)): not undecodableBody")
                continue
            }
            #expect(place.isEmpty || reason.contains(place), "\(reason)")
        }
    }

    @Test func theRouterHandsEachTypeToItsHandlerAndTheRestToTheFallback() async throws {
        let seen = Seen()
        var router = FanoutWebhook.Router()
        router.on(.test) { test, event in await seen.add("test \(test.webhookID) \(event.id)") }
        router.on(.chatMessageDeleted) { deleted, _ in await seen.add("deleted \(deleted.id)") }
        router.fallback = { event in await seen.add("fallback \(event.type)") }

        let deleted = Self.envelope("realtime.chat_message.deleted", eventBody: #"{"id":77,"chatId":5,"withUserId":5}"#)
        let unknown = Self.envelope("realtime.story.posted", eventBody: "{}")
        for (body, id) in [(Self.testBody, "a"), (deleted, "b"), (unknown, "c")] {
            let event = try await router.handle(payload: body, headers: Self.headers(body, id: id), secret: Self.secret, now: Self.now)
            #expect(event.id == id)
        }
        await #expect(throws: FanoutWebhook.VerificationError.noMatchingSignature) {
            try await router.handle(payload: deleted, headers: Self.headers(Self.testBody), secret: Self.secret, now: Self.now)
        }
        #expect(await seen.all == ["test 12 a", "deleted 77", "fallback realtime.story.posted"], "nothing for the unverified one")

        struct Refused: Error {}
        router.on(.test) { _, _ in throw Refused() }
        await #expect(throws: Refused.self) {
            try await router.handle(payload: Self.testBody, headers: Self.headers(Self.testBody), secret: Self.secret, now: Self.now)
        }
    }
}

actor Seen {
    private(set) var all: [String] = []
    func add(_ entry: String) { all.append(entry) }
}
