import FanoutCore
import HTTPTypes
import Hummingbird

/// Stripe's `Idempotency-Key` on the writes under /v2/access (POST, PUT,
/// PATCH, DELETE), per connection: the first request runs; a repeat of the
/// same request gets its answer again with `Idempotent-Replayed: true` and
/// runs nothing; the key on a different request is a 422, on one still
/// running a 409. A request that fails before writing gives its key back,
/// so that a corrected retry may use it. Without the header: nothing changes.
/// Upload PUTs (raw bytes) are not covered.
struct IdempotencyMiddleware: RouterMiddleware {
    static let keyHeader = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let store: any IdempotencyStore
    let clock: any FanoutClock

    func handle(_ request: Request, context: FanoutRequestContext, next: (Request, FanoutRequestContext) async throws -> Response) async throws -> Response {
        // Reads (the hot path) leave at the first comparison.
        // An upload's PUT carries raw file bytes, not JSON, and is naturally
        // idempotent (a part sent again replaces itself): left alone.
        guard request.method == .post || request.method == .patch || request.method == .delete
                || (request.method == .put && !request.uri.path.hasPrefix("/v2/access/uploads/")),
              let header = request.headers[Self.keyHeader], let connection = context.connection
        else {
            return try await next(request, context)
        }
        guard let key = IdempotencyKey(header) else {
            throw FanoutError.badRequest("Idempotency-Key must be 1 to 255 printable ASCII characters", field: "Idempotency-Key")
        }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: JSONBody.maxBytes) } catch {
            throw FanoutError.badRequest("The request body is larger than \(JSONBody.maxBytes) bytes", field: "body")
        }
        let fingerprint = IdempotencyKey.fingerprint(
            method: request.method.rawValue, target: request.uri.string, body: body.readableBytesView)

        switch try await store.beginIdempotentRequest(connectionID: connection.id, key: key, fingerprint: fingerprint, at: clock.now()) {
        case .replay(let stored):
            var headers: HTTPFields = [.contentType: stored.contentType]
            headers[Self.replayedHeader] = "true"
            return Response(status: .init(code: stored.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .mismatch:
            throw FanoutError.idempotencyKeyReused
        case .inProgress:
            throw FanoutError.idempotencyKeyInUse("A request with this Idempotency-Key is still running; retry once it has finished")
        case .answerLost:
            throw FanoutError.idempotencyKeyInUse(
                "The request with this Idempotency-Key was carried out, but its server stopped before recording the answer; it is not carried out again")
        case .proceed(let claim):
            let response: Response
            do {
                response = try await IdempotencyClaim.$current.withValue(claim) { try await next(request, context) }
            } catch {
                guard try await !store.releaseIdempotentRequest(claim) else { throw error }
                // It wrote, then failed: that failure is its answer, replayed as such.
                response = ErrorResponse.answering(error, context: context)
            }
            return try await recorded(response, claim: claim)
        }
    }

    /// `response` stored as the key's answer, and sent.
    private func recorded(_ response: Response, claim: IdempotencyClaim) async throws -> Response {
        let collector = BodyCollector()
        try await response.body.write(collector.writer)
        let stored = StoredResponse(
            status: response.status.code, contentType: response.headers[.contentType] ?? "application/json",
            body: Array(collector.buffer.readableBytesView))
        try await store.finishIdempotentRequest(claim, response: stored)
        var sent = response
        sent.body = .init(byteBuffer: collector.buffer)
        return sent
    }
}

/// Gathers a response body into one buffer, to store it and send it.
private final class BodyCollector {
    var buffer = ByteBuffer()

    var writer: Writer { Writer(collector: self) }

    struct Writer: ResponseBodyWriter {
        let collector: BodyCollector
        mutating func write(_ buffer: ByteBuffer) async throws {
            var part = buffer
            collector.buffer.writeBuffer(&part)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
