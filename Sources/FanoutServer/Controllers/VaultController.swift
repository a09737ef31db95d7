import FanoutAPI
import FanoutCore
import Hummingbird

/// `/v2/access/vault`: the creator's media and its lists (folders).
struct VaultController {
    let service: VaultService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("vault/media", use: media)
        group.get("vault/lists", use: lists)
        group.post("vault/lists", use: create)
        group.get("vault/lists/:listId", use: get)
        group.patch("vault/lists/:listId", use: rename)
        group.delete("vault/lists/:listId", use: delete)
        group.get("vault/lists/:listId/media", use: listMedia)
        group.post("vault/lists/:listId/media", use: addMedia)
    }

    /// `sortBy` as the SDK's docs spell it; `sort` wins over it.
    enum SortBy: String, CaseIterable { case recent, mostLiked = "most-liked", highestTips = "highest-tips" }
    enum SortDirection: String, CaseIterable { case asc, desc }

    @Sendable func media(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultRead)
        let parameters = RequestParameters(request, context: context)
        var query = try Self.mediaQuery(parameters)
        query.listID = try parameters.queryID("listId")
        return try Self.mediaPage(try await service.media(creatorID: connection.creatorID, query: query), query: query, mapper: mapper)
    }

    @Sendable func listMedia(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultRead)
        let parameters = RequestParameters(request, context: context)
        let listID = try parameters.pathID("listId")
        let query = try Self.mediaQuery(parameters)
        let page = try await service.media(inList: listID, creatorID: connection.creatorID, query: query)
        return try Self.mediaPage(page, query: query, mapper: mapper)
    }

    @Sendable func lists(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 10)
        let (lists, summary) = try await service.lists(
            creatorID: connection.creatorID, page: page, search: try parameters.text("query", maxLength: 100))
        return try JSONResponse.make(Components.Schemas.VaultListPage(
            list: lists.items.map(mapper.vaultList), all: mapper.vaultCounts(summary), hasMore: lists.hasMore,
            nextOffset: lists.hasMore ? page.offset + lists.items.count : nil,
            canCreateVaultLists: true, order: "recent", sort: "desc"))
    }

    @Sendable func create(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let name = try await UserListsController.name(request)
        return try JSONResponse.make(mapper.vaultList(try await service.create(name: name, creatorID: connection.creatorID)))
    }

    @Sendable func get(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultRead)
        let id = try RequestParameters(request, context: context).pathID("listId")
        return try JSONResponse.make(mapper.vaultList(try await service.list(id: id, creatorID: connection.creatorID)))
    }

    @Sendable func rename(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let id = try RequestParameters(request, context: context).pathID("listId")
        let name = try await UserListsController.name(request)
        return try JSONResponse.make(mapper.vaultList(try await service.rename(id: id, to: name, creatorID: connection.creatorID)))
    }

    @Sendable func delete(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let id = try RequestParameters(request, context: context).pathID("listId")
        try await service.delete(id: id, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    /// `{mediaIds: [1 to 100 ids]}`: all of them in the list, or none (404 naming the first not in the vault).
    @Sendable func addMedia(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .vaultWrite)
        let listID = try RequestParameters(request, context: context).pathID("listId")
        let mediaIDs = try await JSONBody(request).ids("mediaIds")
        let list = try await service.add(mediaIDs: mediaIDs, toList: listID, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.VaultListMembershipResponse(success: true, list: mapper.vaultList(list)))
    }

    /// The media filters both media routes share.
    static func mediaQuery(_ parameters: RequestParameters) throws -> VaultMediaQuery {
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20)
        let sortBy = try parameters.choice("sortBy", as: SortBy.self)
        let direction = try parameters.choice("sortDirection", as: SortDirection.self)
        let sort: VaultMediaQuery.Sort = try parameters.choice("sort", as: VaultMediaQuery.Sort.self) ?? {
            switch sortBy {
            case .mostLiked: .mostLiked
            case .highestTips: .highestTips
            case .recent, nil: direction == .asc ? .oldest : .recent
            }
        }()
        // Both read, so that either is refused when invalid; `type` wins.
        let type = try parameters.choice("type", as: MediaKind.self)
        let mediaType = try parameters.choice("mediaType", as: MediaKind.self)
        return VaultMediaQuery(page: page, sort: sort, search: try parameters.text("query", maxLength: 100), kind: type ?? mediaType)
    }

    static func mediaPage(_ page: Page<VaultMedia>, query: VaultMediaQuery, mapper: WireMapper) throws -> Response {
        try JSONResponse.make(Components.Schemas.VaultMediaPage(
            list: page.items.map(mapper.vaultMedia), hasMore: page.hasMore,
            nextOffset: page.hasMore ? query.page.offset + page.items.count : nil))
    }
}
