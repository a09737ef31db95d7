import FanoutAPI
import FanoutCore
import Hummingbird

/// `/v2/access/users/list`, `/search`, `/restrict`, `/blocked` and
/// `/users/:userId/restrict`: the creator's fans looked up, restricted and
/// blocked. The constant segments are routes of their own: Hummingbird's
/// trie tries a constant before a `:userId` capture, so they never reach
/// `GET /users/:userId`.
struct UsersController {
    let service: FanService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("users/list", use: list)
        group.get("users/search", use: search)
        group.get("users/restrict", use: restricted)
        group.get("users/blocked", use: blocked)
        group.post("users/:userId/restrict", use: restrict)
        group.delete("users/:userId/restrict", use: unrestrict)
    }

    /// `POST`/`DELETE /sandbox/users/:userId/block`: OFAuth has no call to
    /// block a fan, so the sandbox gives the creator one.
    func registerSandbox(on group: RouterGroup<FanoutRequestContext>) {
        group.post("users/:userId/block", use: block)
        group.delete("users/:userId/block", use: unblock)
    }

    @Sendable func list(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .profileRead)
        let ids = try Self.userIDs(request)
        let users = try await service.users(ids: ids, creatorID: connection.creatorID)
        return try JSONResponse.make(Components.Schemas.FanList(users: users.map { mapper.fan($0, creatorID: connection.creatorID) }))
    }

    @Sendable func search(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .profileRead)
        let parameters = RequestParameters(request, context: context)
        let page = try parameters.page(maxLimit: 100, defaultLimit: 20)
        let text = try parameters.text("query", maxLength: 100) ?? ""
        let fans = try await service.search(text, creatorID: connection.creatorID, page: page)
        return try JSONResponse.make(fans.items.map { mapper.fan($0, creatorID: connection.creatorID) })
    }

    @Sendable func restricted(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .usersWrite)
        let page = try RequestParameters(request, context: context).page(maxLimit: 100, defaultLimit: 20)
        return try fanPage(try await service.restricted(creatorID: connection.creatorID, page: page), creatorID: connection.creatorID)
    }

    @Sendable func blocked(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .usersWrite)
        let page = try RequestParameters(request, context: context).page(maxLimit: 100, defaultLimit: 20)
        return try fanPage(try await service.blocked(creatorID: connection.creatorID, page: page), creatorID: connection.creatorID)
    }

    @Sendable func restrict(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try await mark(request, context) { try await service.restrict(true, fanID: $0, creatorID: $1) }
    }

    @Sendable func unrestrict(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try await mark(request, context) { try await service.restrict(false, fanID: $0, creatorID: $1) }
    }

    @Sendable func block(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try await mark(request, context) { try await service.block(true, fanID: $0, creatorID: $1) }
    }

    @Sendable func unblock(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try await mark(request, context) { try await service.block(false, fanID: $0, creatorID: $1) }
    }

    /// Restrict or block (or lift either) with `users:write`: (fan, creator).
    private func mark(
        _ request: Request, _ context: FanoutRequestContext, _ change: (Int64, Int64) async throws -> Void
    ) async throws -> Response {
        let connection = try context.connection(requiring: .usersWrite)
        try await change(try RequestParameters(request, context: context).pathID("userId"), connection.creatorID)
        return try JSONResponse.make(Components.Schemas.SuccessResponse(success: true))
    }

    private func fanPage(_ page: Page<FanProfile>, creatorID: Int64) throws -> Response {
        try JSONResponse.make(Components.Schemas.FanPage(list: page.items.map { mapper.fan($0, creatorID: creatorID) }, hasMore: page.hasMore))
    }

    /// `userIds`, repeated (`userIds=1&userIds=2`, as the SDK sends a list;
    /// `userIds[]` too) or comma-separated, 1 to `FanService.maxIDsPerLookup`
    /// ids in all, each digits only.
    static func userIDs(_ request: Request) throws(FanoutError) -> [Int64] {
        let limit = FanService.maxIDsPerLookup
        var ids: [Int64] = []
        // Keys decoded as values are (`userIds%5B%5D` is `userIds[]`).
        for (key, value) in QueryString.fields(Substring(request.uri.query ?? "")) where key == "userIds" || key == "userIds[]" {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard ids.count < limit else {
                    throw .badRequest("userIds names more than \(limit) users: at most \(limit) in one call", field: "userIds", allowed: "1 to \(limit) ids")
                }
                ids.append(try ParameterParsing.id(String(part), name: "userIds"))
            }
        }
        guard !ids.isEmpty else {
            throw .badRequest("userIds is required: 1 to \(limit) user ids, repeated or comma-separated", field: "userIds", allowed: "1 to \(limit) ids")
        }
        return ids
    }
}
