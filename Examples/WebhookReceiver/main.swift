// A webhook receiver for Fanout (or OFAuth): verifies each delivery with the
// endpoint's secret, routes it by type, and logs it.
//
//     FANOUT_WEBHOOK_SECRET=whsec_… PORT=8081 swift run fanout-webhook-receiver
//
// and register http://<this host>:8081/webhooks as an endpoint (HOST, default
// 127.0.0.1, is the address it listens on). It answers 204 to an event it
// verified and handled, 401 to one whose headers, signature or timestamp do
// not verify, 400 to a signed body that is not an event, 413 past 1 MiB, 500
// to a secret that is not whsec_<base64>. Fanout retries anything but a 2xx
// (and 410).
import FanoutClient
import FanoutWebhook
import Foundation
import Hummingbird
import Logging

let logger = Logger(label: "fanout-webhook-receiver")
let environment = ProcessInfo.processInfo.environment
guard let secret = environment["FANOUT_WEBHOOK_SECRET"], !secret.isEmpty else {
    FileHandle.standardError.write(Data("Set FANOUT_WEBHOOK_SECRET to the endpoint's whsec_… secret.\n".utf8))
    exit(2)
}
let host = environment["HOST"] ?? "127.0.0.1"
let port = environment["PORT"].flatMap { Int($0) } ?? 8081

var events = FanoutWebhook.Router()
events.on(.chatMessageReceived) { message, event in
    logger.info("message received", metadata: ["event": "\(event.id)", "from": "\(message.fromUser.id)", "text": "\(message.text)"])
}
events.on(.chatMessageDeleted) { deleted, event in
    logger.info("message deleted", metadata: ["event": "\(event.id)", "message": "\(deleted.id)", "chat": "\(deleted.chatID)"])
}
events.on(.massMessageSent) { massMessage, event in
    logger.info("mass message sent", metadata: ["event": "\(event.id)", "massMessage": "\(massMessage.id)", "sent": "\(massMessage.sentCount)"])
}
events.on(.massMessagePurchased) { purchase, event in
    logger.info("mass message bought", metadata: ["event": "\(event.id)", "fan": "\(purchase.fan.username)", "amount": "\(purchase.amount)"])
}
for kind in [FanoutWebhook.EventKind.connectionCreated, .connectionUpdated, .connectionExpired] {
    events.on(kind) { connection, event in
        logger.info("\(event.type)", metadata: ["connection": "\(connection.id)", "status": "\(connection.status.rawValue)"])
    }
}
events.on(.test) { test, event in logger.info("test event", metadata: ["event": "\(event.id)", "webhook": "\(test.webhookID)"]) }
events.fallback = { event in logger.info("unhandled event", metadata: ["event": "\(event.id)", "type": "\(event.type)"]) }

let router = Router()
router.post("webhooks") { [events] request, context -> Response in
    // Bounded: a larger body is refused with 413 before it is read whole.
    let body = try await request.body.collect(upTo: 1 << 20)
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.canonicalName] = field.value }
    do {
        try await events.handle(payload: Data(body.readableBytesView), headers: headers, secret: secret)
        return Response(status: .noContent)
    } catch let error as FanoutWebhook.VerificationError {
        context.logger.warning("delivery refused", metadata: ["reason": "\(error)"])
        switch error {
        case .undecodableBody: return Response(status: .badRequest)
        case .invalidSecret: return Response(status: .internalServerError)  // ours to fix; Fanout retries meanwhile
        default: return Response(status: .unauthorized)
        }
    }
}

let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
try await app.runService()
