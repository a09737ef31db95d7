import FanoutAPI
import FanoutCore
import Hummingbird

/// `/v2/access/self`: the connection's creator, read and patched.
struct SelfController {
    let service: AccountService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("self", use: profile)
        group.patch("self", use: update)
    }

    @Sendable func profile(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .profileRead)
        return try JSONResponse.make(mapper.selfProfile(try await service.profile(creatorID: connection.creatorID)))
    }

    @Sendable func update(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .profileWrite)
        let body = try await JSONBody(request)
        let fields = try AccountBodyParsing.object(body.fields, path: "body", allowed: ["name", "about"])
        for name in ["name", "about"] { _ = try AccountBodyParsing.present(fields, name, path: name) }
        let profile = try await service.updateProfile(creatorID: connection.creatorID, name: try body.string("name"), about: try body.string("about"))
        return try JSONResponse.make(mapper.selfProfileUpdated(profile))
    }
}
