// Verifies a delivery and routes its event to a handler of its type.
import FanoutWebhook
import Foundation

func receive(body: Data, headers: [String: String], secret: String) async throws {
    // snippet.show
    var router = FanoutWebhook.Router()
    router.on(.chatMessageReceived) { message, event in
        print("\(event.connectionID ?? "-"): fan \(message.fromUser.id) wrote \(message.text)")
    }
    router.on(.massMessagePurchased) { purchase, _ in
        print("\(purchase.fan.username) paid \(purchase.amount) for mass message \(purchase.massMessageID)")
    }
    router.fallback = { event in print("not handled:", event.type) }

    do {
        // Verifies the signature (webhook-* or svix-* headers) and the timestamp (5 minutes), then dispatches.
        try await router.handle(payload: body, headers: headers, secret: secret)
    } catch let error as FanoutWebhook.VerificationError {
        print("refused:", error)   // answer 401: a forged or stale delivery is not yours to handle
    }
    // snippet.hide
}
