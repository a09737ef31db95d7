import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// `/v2/access/users/lists`: fan lists and their members.
struct UserListsController {
    let service: UserListService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("users/lists", use: list)
        group.post("users/lists", use: create)
        group.get("users/lists/:listId", use: get)
        group.patch("users/lists/:listId", use: rename)
        group.delete("users/lists/:listId", use: delete)
        group.get("users/lists/:listId/users", use: members)
        group.post("users/lists/:listId/users/:userId", use: addMember)
        group.delete("users/lists/:listId/users/:userId", use: removeMember)
        group.post("users/:userId/lists", use: addToLists)
    }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsRead)
        let parameters = RequestParameters(request, context: context)
        let page = try await service.lists(
            creatorID: connection.creatorID, page: try parameters.page(maxLimit: 100, defaultLimit: 10),
            search: try parameters.text("query", maxLength: 100))
        return try JSONResponse.make(Components.Schemas.UserListPage(list: page.items.map(mapper.userList), hasMore: page.hasMore))
    }

    @Sendable func create(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let name = try await Self.name(request)
        return try JSONResponse.make(mapper.userList(try await service.create(name: name, creatorID: connection.creatorID)))
    }

    @Sendable func get(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsRead)
        let id = try RequestParameters(request, context: context).pathID("listId")
        return try JSONResponse.make(mapper.userList(try await service.list(id: id, creatorID: connection.creatorID)))
    }

    @Sendable func rename(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let id = try RequestParameters(request, context: context).pathID("listId")
        let name = try await Self.name(request)
        return try JSONResponse.make(mapper.userList(try await service.rename(id: id, to: name, creatorID: connection.creatorID)))
    }

    @Sendable func delete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let id = try RequestParameters(request, context: context).pathID("listId")
        try await service.delete(id: id, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    @Sendable func members(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 10)
        let result = try await service.members(listID: try parameters.pathID("listId"), creatorID: connection.creatorID, page: page)
        return try JSONResponse.make(Components.Schemas.ListUserPage(
            list: result.items.map(mapper.listUser), hasMore: result.hasMore,
            nextOffset: result.hasMore ? page.offset + result.items.count : nil))
    }

    @Sendable func addMember(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let parameters = RequestParameters(request, context: context)
        let list = try await service.add(
            userID: try parameters.pathID("userId"), toList: try parameters.pathID("listId"), creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.ListMembershipResponse(success: true, list: mapper.userList(list)))
    }

    @Sendable func removeMember(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let parameters = RequestParameters(request, context: context)
        let list = try await service.remove(
            userID: try parameters.pathID("userId"), fromList: try parameters.pathID("listId"), creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.ListMembershipResponse(success: true, list: mapper.userList(list)))
    }

    /// `{listIds: [1 to 5 ids]}`: the user on every one of them, or on none (404 naming the first that is not the creator's).
    @Sendable func addToLists(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .listsWrite)
        let userID = try RequestParameters(request, context: context).pathID("userId")
        let body = try await JSONBody(request)
        let listIDs = try body.ids("listIds")
        let added = try await service.add(userID: userID, toLists: listIDs, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.ListsMembershipResponse(
            success: added.map { .init(listId: Int($0), success: true) }))
    }

    static func name(_ request: Request) async throws -> String {
        guard let name = try await JSONBody(request).string("name") else {
            throw FanoutError.badRequest("The body needs name: 1 to 100 characters", field: "name", allowed: "1 to 100 characters")
        }
        return name
    }
}
