import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// `/v2/access/mass-messages`.
struct MassMessagesController {
    let service: MassMessageService
    let composer: MassMessageComposer
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("mass-messages", use: list)
        group.post("mass-messages", use: create)
        // The SDK's `list_scheduleds`; a constant segment, matched before the id.
        group.get("mass-messages/scheduled", use: scheduled)
        group.get("mass-messages/:massMessageId", use: get)
        group.put("mass-messages/:massMessageId", use: replace)
        group.delete("mass-messages/:massMessageId", use: delete)
    }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 20, defaultLimit: 10)
        let type = try parameters.choice("type", as: MassMessageListType.self)
        let result = try await service.list(creatorID: connection.creatorID, type: type, page: page)
        return JSONResponse.make(bytes: mapper.queueItemListBody(result, creatorName: connection.creatorName))
    }

    /// `GET /v2/access/mass-messages/scheduled`: the list `type=scheduled` gives.
    @Sendable func scheduled(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let page = try RequestParameters(request, context: context).page(maxLimit: 20, defaultLimit: 10)
        let result = try await service.list(creatorID: connection.creatorID, type: .scheduled, page: page)
        return JSONResponse.make(bytes: mapper.queueItemListBody(result, creatorName: connection.creatorName))
    }

    @Sendable func create(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesWrite)
        let draft = try MassMessageDraft(body: try await JSONBody(request))
        let message = try await composer.create(draft, creatorID: connection.creatorID)
        return try JSONResponse.make(mapper.created(message))
    }

    @Sendable func replace(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesWrite)
        let id = try RequestParameters(request, context: context).pathID("massMessageId")
        let draft = try MassMessageDraft(body: try await JSONBody(request))
        let message = try await composer.replace(id: id, with: draft, creatorID: connection.creatorID)
        return try JSONResponse.make(mapper.created(message))
    }

    @Sendable func get(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let id = try RequestParameters(request, context: context).pathID("massMessageId")
        let message = try await service.get(id: id, creatorID: connection.creatorID)
        return JSONResponse.make(bytes: mapper.queueItemBody(message, creatorName: connection.creatorName))
    }

    @Sendable func delete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesWrite)
        let id = try RequestParameters(request, context: context).pathID("massMessageId")
        let message = try await service.withdraw(id: id, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.DeleteMassMessageResponse(
            success: true, queue: mapper.queueItem(message, creatorName: connection.creatorName)))
    }
}
