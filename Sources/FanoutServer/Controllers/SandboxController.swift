import FanoutAPI
import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/sandbox`: simulated fans and time. Fanout's own control API (not part
/// of OFAuth's); needs the organization's key and one of its connections,
/// which selects the creator: the clock read and moved is that creator's
/// own. Registered only with `serve --sandbox` or `--demo`.
struct SandboxController {
    let service: SandboxService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.post("fans/:fanId/messages", use: fanSends)
        group.post("fans/:fanId/tips", use: fanTips)
        group.post("fans/:fanId/messages/:messageId/open", use: fanOpens)
        group.post("fans/:fanId/messages/:messageId/purchase", use: fanBuys)
        group.get("clock", use: clock)
        group.post("clock/advance", use: advanceClock)
    }

    private func creator(_ context: FanoutRequestContext) throws -> Int64 {
        guard let connection = context.connection else { throw FanoutError.sessionNotProvided }
        return connection.creatorID
    }

    @Sendable func fanSends(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let fanID = try RequestParameters(request, context: context).pathID("fanId")
        let text = try await JSONBody(request).string("text") ?? ""
        return try JSONResponse.make(mapper.message(try await service.fanSends(text: text, tip: nil, creatorID: try creator(context), fanID: fanID)))
    }

    @Sendable func fanTips(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let fanID = try RequestParameters(request, context: context).pathID("fanId")
        let body = try await JSONBody(request)
        guard let amount = try body.money("amount", maximum: MessageContent.maxPrice) else {
            throw FanoutError.badRequest("The body needs amount: the tip, more than 0 and at most 200", field: "amount")
        }
        let text = try body.string("text") ?? "Tipped $\(amount.decimalString)"
        return try JSONResponse.make(mapper.message(try await service.fanSends(text: text, tip: amount, creatorID: try creator(context), fanID: fanID)))
    }

    @Sendable func fanOpens(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let parameters = RequestParameters(request, context: context)
        let message = try await service.fanOpens(
            messageID: try parameters.pathID("messageId"), creatorID: try creator(context), fanID: try parameters.pathID("fanId"))
        return try JSONResponse.make(mapper.message(message))
    }

    @Sendable func fanBuys(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let parameters = RequestParameters(request, context: context)
        let message = try await service.fanBuys(
            messageID: try parameters.pathID("messageId"), creatorID: try creator(context), fanID: try parameters.pathID("fanId"))
        return try JSONResponse.make(mapper.message(message))
    }

    struct ClockBody: Encodable { let now: String }

    @Sendable func clock(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try JSONResponse.make(ClockBody(now: mapper.timestamp(service.now(creatorID: try creator(context)))))
    }

    @Sendable func advanceClock(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let body = try await JSONBody(request)
        guard let seconds = try body.integer("seconds", minimum: 1) else {
            throw FanoutError.badRequest("The body needs seconds: how far to move the clock forward", field: "seconds")
        }
        guard let connection = context.connection else { throw FanoutError.sessionNotProvided }
        return try JSONResponse.make(ClockBody(now: mapper.timestamp(try await service.advanceClock(
            creatorID: connection.creatorID, organizationID: connection.organizationID, by: TimeInterval(seconds)))))
    }
}
