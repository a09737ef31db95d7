import FanoutAPI
import FanoutCore
import HTTPTypes
import Hummingbird

/// Sending, unsending and browsing the media of direct messages.
struct DirectMessagesController {
    let service: DirectMessageService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.post("chats/:userId/messages", use: send)
        group.delete("chats/:userId/messages/:messageId", use: unsend)
        group.get("chats/:userId/media", use: media)
    }

    @Sendable func send(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesWrite)
        let fanID = try RequestParameters(request, context: context).pathID("userId")
        let content = try MessageContent(body: try await JSONBody(request))
        let message = try await service.send(content, creatorID: connection.creatorID, fanID: fanID)
        return try JSONResponse.make(mapper.message(message))
    }

    @Sendable func unsend(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesWrite)
        let parameters = RequestParameters(request, context: context)
        let fanID = try parameters.pathID("userId")
        let messageID = try parameters.pathID("messageId")
        guard let withUserID = try await JSONBody(request).id("withUserId") else {
            throw FanoutError.badRequest("The body needs withUserId: the id of the chat's user", field: "withUserId")
        }
        try await service.unsend(messageID: messageID, creatorID: connection.creatorID, fanID: fanID, withUserID: withUserID)
        return try JSONResponse.make(Components.Schemas.UnsendMessageResponse(success: true))
    }

    /// `type` photos/videos/audios; `opened` 0/1/true/false; `skip_users`
    /// `all` (OnlyFans' spelling: leave users' details out, so each
    /// `fromUser` is its id alone) or `none`.
    enum MediaFilter: String, CaseIterable {
        case photos, videos, audios
        var kind: MediaKind { self == .photos ? .photo : self == .videos ? .video : .audio }
    }

    enum SkipUsers: String, CaseIterable { case all, none }

    enum OpenedFilter: String, CaseIterable {
        case zero = "0", one = "1", yes = "true", no = "false"
        var opened: Bool { self == .one || self == .yes }
    }

    @Sendable func media(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .messagesRead)
        let parameters = RequestParameters(request, context: context)
        let query = ChatMediaQuery(
            fanID: try parameters.pathID("userId"), page: try parameters.page(maxLimit: 100, defaultLimit: 10),
            before: try parameters.queryID("last_id"), kind: try parameters.choice("type", as: MediaFilter.self)?.kind,
            opened: try parameters.choice("opened", as: OpenedFilter.self)?.opened)
        let skipUsers = try parameters.choice("skip_users", as: SkipUsers.self) == .all
        let page = try await service.media(creatorID: connection.creatorID, query: query)
        return try JSONResponse.make(Components.Schemas.ChatMediaList(
            list: page.items.map { mapper.message($0, senderName: !skipUsers) }, hasMore: page.hasMore))
    }
}
