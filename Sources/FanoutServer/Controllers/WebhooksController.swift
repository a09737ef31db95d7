import FanoutAPI
import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/webhooks`: an organization's endpoints (Fanout's own extension,
/// authenticated by the `apiKey` alone), their deliveries, and a test event.
struct WebhooksController {
    let service: WebhookService
    let mapper: WireMapper
    /// `"sandbox"` while the sandbox API is on, `"live"` otherwise.
    let environment: String

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("", use: list)
        group.post("", use: create)
        group.delete(":webhookId", use: delete)
        group.get(":webhookId/deliveries", use: deliveries)
        group.post(":webhookId/test", use: test)
    }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let endpoints = try await service.endpoints(organizationID: try Self.organization(context))
        return try JSONResponse.make(Components.Schemas.WebhookEndpointList(list: endpoints.map(mapper.webhookEndpoint)))
    }

    @Sendable func create(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let body = try await JSONBody(request)
        guard let url = try body.string("url") else { throw FanoutError.badRequest("The body needs url", field: "url") }
        let endpoint = try await service.add(organizationID: organizationID, url: url, events: try body.strings("events"))
        return try JSONResponse.make(
            Components.Schemas.WebhookEndpointCreated(value1: mapper.webhookEndpoint(endpoint), value2: .init(secret: endpoint.secret.value)),
            status: .created)
    }

    @Sendable func delete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        try await service.remove(id: try RequestParameters(request, context: context).pathID("webhookId"), organizationID: organizationID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    @Sendable func deliveries(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let parameters = RequestParameters(request, context: context)
        let page = try await service.deliveries(
            endpointID: try parameters.pathID("webhookId"), organizationID: organizationID, page: try parameters.page(maxLimit: 100, defaultLimit: 20))
        return try JSONResponse.make(Components.Schemas.WebhookDeliveryPage(list: page.items.map(mapper.webhookDelivery), hasMore: page.hasMore))
    }

    @Sendable func test(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let organizationID = try Self.organization(context)
        let endpointID = try RequestParameters(request, context: context).pathID("webhookId")
        let id = try await service.sendTest(endpointID: endpointID, organizationID: organizationID) { _, now in
            mapper.webhookEnvelope(
                type: .test, at: now, connectionID: nil, environment: environment, eventBody: Array(#"{"webhookId":\#(endpointID),"message":"Fanout test event"}"#.utf8))
        }
        return try JSONResponse.make(Components.Schemas.WebhookTestQueued(eventId: id), status: .accepted)
    }

    static func organization(_ context: FanoutRequestContext) throws -> Int64 {
        guard let id = context.organizationID else { throw FanoutError.unauthorized("Missing API key: send it in the apiKey header") }
        return id
    }
}
