import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// The chat pages: the list with its filters, one chat, sending as the
/// creator and replying or tipping as the fan.
extension ConsoleController {
    func registerChats(on routes: RouteCollection<Context>) {
        routes.get("chats", use: chatsPage)
        routes.get("chats/:fanId", use: chatPage)
        routes.post("chats/:fanId/messages", use: sendAsCreator)
        routes.post("chats/:fanId/fan-messages", use: sendAsFan)
        routes.post("chats/:fanId/details", use: saveFanDetails)
    }

    @Sendable func chatsPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.messagesRead)
        let filterName = request.uri.queryParameters["filter"].map(String.init)
        let filter = filterName.flatMap(ChatListQuery.Filter.init(rawValue:))
        let offset = max(0, request.uri.queryParameters["offset"].flatMap { Int(String($0)) } ?? 0)
        let page = try await chats.chats(creatorID: connection.creatorID, query: ChatListQuery(page: PageRequest(limit: 20, offset: offset), filter: filter))
        let fans = Dictionary(uniqueKeysWithValues: try await chats.users(ids: page.items.map(\.fanID)).map { ($0.id, $0) })
        let filters = [("All", nil)] + ChatListQuery.Filter.allCases.map { (Self.label($0), $0.rawValue) }
        return renderer.page("chats", ConsoleViews.Chats(
            chats: page.items.map { ConsoleViews.chat($0, fan: fans[$0.fanID]) },
            filters: filters.map { label, value in
                ConsoleViews.Filter(label: label, href: "/console/chats" + (value.map { "?filter=\($0)" } ?? ""), current: value == filter?.rawValue)
            },
            next: page.hasMore ? "/console/chats?" + (filter.map { "filter=\($0.rawValue)&" } ?? "") + "offset=\(offset + 20)" : nil,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, chats: true)))
    }

    @Sendable func chatPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        return try await chat(request, context: context, session: session, connection: connection)
    }

    @Sendable func sendAsCreator(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        let fanID = try Self.pathID(context, "fanId")
        do {
            try connection.require(.messagesWrite)
            _ = try await directMessages.send(MessageContent(text: form["text"] ?? ""), creatorID: connection.creatorID, fanID: fanID)
            return ConsoleRenderer.redirect(to: "/console/chats/\(fanID)")
        } catch let error as FanoutError {
            return try await chat(
                request, context: context, session: session, connection: connection, sendError: error.description, status: errorAnswer(error).status)
        }
    }

    @Sendable func sendAsFan(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        let fanID = try Self.pathID(context, "fanId")
        do {
            let tip = try form.money("tip", maximum: MessageContent.maxPrice)
            let text = form["text"].flatMap { $0.isEmpty ? nil : $0 } ?? tip.map { "Tipped $\($0.decimalString)" }
            guard let text else { throw FanoutError.badRequest("Write a message or a tip", field: "text") }
            _ = try await sandbox.fanSends(text: text, tip: tip, creatorID: connection.creatorID, fanID: fanID)
            return ConsoleRenderer.redirect(to: "/console/chats/\(fanID)")
        } catch let error as FanoutError {
            return try await chat(
                request, context: context, session: session, connection: connection, fanError: error.description, status: errorAnswer(error).status)
        }
    }

    /// The creator's note and nickname for the fan, from the form beside the chat.
    @Sendable func saveFanDetails(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        let fanID = try Self.pathID(context, "fanId")
        do {
            try connection.require(.subscribersWrite)
            try await subscriberDetails.setNoticeAndDisplayName(
                notice: form["notice"] ?? "", displayName: (form["displayName"] ?? "").trimmingCharacters(in: .whitespaces),
                creatorID: connection.creatorID, fanID: fanID)
            return ConsoleRenderer.redirect(to: "/console/chats/\(fanID)")
        } catch let error as FanoutError {
            return try await chat(
                request, context: context, session: session, connection: connection, detailError: error.description,
                status: errorAnswer(error).status)
        }
    }

    /// A chat's newest page (or the page before `?before=`), oldest at the top.
    func chat(
        _ request: Request, context: Context, session: ConsoleSession, connection: Connection,
        sendError: String? = nil, fanError: String? = nil, detailError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try connection.require(.messagesRead)
        let fanID = try Self.pathID(context, "fanId")
        let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }
        let page = try await chats.messages(
            creatorID: connection.creatorID, query: ChatMessageQuery(fanID: fanID, page: PageRequest(limit: 20, offset: 0), before: before))
        let fan = try await chats.users(ids: [fanID]).first
        let fanName = fan?.name ?? "User \(fanID)"
        let account = try await subscriberDetails.account(creatorID: connection.creatorID, fanID: fanID)
        return renderer.page("chat", ConsoleViews.Chat(
            fanId: fanID, name: fanName, username: fan?.username ?? "u\(fanID)", creatorName: connection.creatorName,
            messages: page.items.reversed().map { ConsoleViews.message($0, creatorName: connection.creatorName, fanName: fanName) },
            older: page.hasMore ? page.items.last.map { "/console/chats/\(fanID)?before=\($0.id)" } : nil,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName),
            sendError: sendError, fanError: fanError,
            fan: ConsoleViews.fanPanel(account, canEdit: connection.permissions.contains(.subscribersWrite), error: detailError)),
            status: status)
    }

    static func label(_ filter: ChatListQuery.Filter) -> String {
        switch filter {
        case .unread: "Unread"
        case .whoTipped: "Who tipped"
        case .priority: "Priority"
        }
    }
}
