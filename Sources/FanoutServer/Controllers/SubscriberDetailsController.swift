import FanoutAPI
import FanoutCore
import Hummingbird

/// `PUT /v2/access/subscribers/:userId/note`, `/custom-name`, `/discount`:
/// what the creator keeps about one subscriber.
struct SubscriberDetailsController {
    let service: SubscriberDetailService

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.put("subscribers/:userId/note", use: note)
        group.put("subscribers/:userId/custom-name", use: customName)
        group.put("subscribers/:userId/discount", use: discount)
    }

    @Sendable func note(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .subscribersWrite)
        let fanID = try RequestParameters(request, context: context).pathID("userId")
        guard let notice = try await JSONBody(request).string("notice") else {
            throw FanoutError.badRequest("The body needs notice: the note, at most 1000 characters", field: "notice")
        }
        try await service.setNotice(notice, creatorID: connection.creatorID, fanID: fanID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    @Sendable func customName(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .subscribersWrite)
        let fanID = try RequestParameters(request, context: context).pathID("userId")
        guard let name = try await JSONBody(request).string("displayName") else {
            throw FanoutError.badRequest("The body needs displayName: 1 to 100 characters", field: "displayName")
        }
        try await service.setDisplayName(name, creatorID: connection.creatorID, fanID: fanID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    @Sendable func discount(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .subscribersWrite)
        let fanID = try RequestParameters(request, context: context).pathID("userId")
        let body = try await JSONBody(request)
        guard let percent = try body.integer("discount", minimum: SubscriberDiscount.percents.lowerBound) else {
            throw FanoutError.badRequest("The body needs discount: 5 to 60 (percent)", field: "discount", allowed: "5-60")
        }
        guard let months = try body.integer("period", minimum: SubscriberDiscount.periods.lowerBound) else {
            throw FanoutError.badRequest("The body needs period: 1 to 12 (months)", field: "period", allowed: "1-12")
        }
        try await service.setDiscount(percent: percent, months: months, creatorID: connection.creatorID, fanID: fanID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }
}
