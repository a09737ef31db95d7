import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// `/v2/access/chats` and a chat's messages.
struct ChatsController {
    let service: ChatService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("chats", use: list)
        group.get("chats/:userId/messages", use: messages)
    }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let parameters = RequestParameters(request, context: context)
        let query = ChatListQuery(
            page: try parameters.page(maxLimit: 20, defaultLimit: 10),
            order: try parameters.choice("order", as: ChatListQuery.Order.self) ?? .recent,
            filter: try parameters.choice("filter", as: ChatListQuery.Filter.self),
            search: try parameters.text("query", maxLength: 100),
            userListID: try parameters.queryID("userListId"))
        let page = try await service.chats(creatorID: connection.creatorID, query: query)
        return JSONResponse.make(bytes: mapper.chatListBody(
            page, nextOffset: page.hasMore ? query.page.offset + page.items.count : nil))
    }

    @Sendable func messages(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let parameters = RequestParameters(request, context: context)
        let fanID = try parameters.pathID("userId")
        let query = ChatMessageQuery(
            fanID: fanID,
            page: try parameters.page(maxLimit: 10, defaultLimit: 10),
            before: try parameters.queryID("last_id"), startingAt: try parameters.queryID("first_id"),
            search: try parameters.text("query", maxLength: 100))
        let includeUsers = try parameters.boolean("include_users") ?? false
        let page = try await service.messages(creatorID: connection.creatorID, query: query)
        let users = includeUsers ? try await service.participants(creatorID: connection.creatorID, fanID: fanID) : nil
        return JSONResponse.make(bytes: mapper.messageListBody(page, users: users))
    }
}
