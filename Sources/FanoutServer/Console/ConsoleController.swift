import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/console`: the sandbox in a browser. Server-rendered pages over the same
/// services and rules as the API; the session is a cookie naming a
/// server-side session; every form carries the session's CSRF token, and a
/// POST from another origin is refused before it is read.
struct ConsoleController {
    let sessions: ConsoleSessionService
    let chats: ChatService
    let directMessages: DirectMessageService
    /// The fan's side of a chat (the console is on only with the sandbox).
    let sandbox: SandboxService
    let renderer: ConsoleRenderer

    static let cookieName = "fanout_console"

    func register(on group: RouterGroup<FanoutRequestContext>, routes: RouteTable) {
        group.on("", method: .get, routes: routes, prefix: "/console", use: home)
        group.on("sign-in", method: .get, routes: routes, prefix: "/console", use: signInPage)
        group.on("sign-in", method: .post, routes: routes, prefix: "/console", use: signIn)
        group.on("sign-out", method: .post, routes: routes, prefix: "/console", use: signOut)
        group.on("connections", method: .get, routes: routes, prefix: "/console", use: connectionsPage)
        group.on("connections", method: .post, routes: routes, prefix: "/console", use: chooseConnection)
        group.on("chats", method: .get, routes: routes, prefix: "/console", use: chatsPage)
        group.on("chats/:fanId", method: .get, routes: routes, prefix: "/console", use: chatPage)
        group.on("chats/:fanId/messages", method: .post, routes: routes, prefix: "/console", use: sendAsCreator)
        group.on("chats/:fanId/fan-messages", method: .post, routes: routes, prefix: "/console", use: sendAsFan)
        group.on("assets/console.css", method: .get, routes: routes, prefix: "/console") { _, _ in
            renderer.asset(ConsoleAssets.css, contentType: "text/css; charset=utf-8")
        }
        group.on("assets/console.js", method: .get, routes: routes, prefix: "/console") { _, _ in
            renderer.asset(ConsoleAssets.js, contentType: "text/javascript; charset=utf-8")
        }
    }

    // MARK: Signing in and out

    @Sendable func home(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        guard let session = try await session(request) else { return ConsoleRenderer.redirect(to: "/console/sign-in") }
        return ConsoleRenderer.redirect(to: session.connectionID == nil ? "/console/connections" : "/console/chats")
    }

    @Sendable func signInPage(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        renderer.page("signIn", ConsoleViews.SignIn(error: nil))
    }

    @Sendable func signIn(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        try Self.requireSameOrigin(request)
        let form = try await ConsoleForm(request)
        do {
            let (token, _) = try await sessions.signIn(apiKey: form["apiKey"])
            let cookie = Cookie(
                name: Self.cookieName, value: token, maxAge: Int(ConsoleSessionService.lifetime), path: "/console",
                secure: request.head.scheme == "https", httpOnly: true, sameSite: .strict)
            return ConsoleRenderer.redirect(to: "/console/connections", cookie: cookie)
        } catch let error as FanoutError {
            return renderer.page("signIn", ConsoleViews.SignIn(error: error.description), status: .unauthorized)
        }
    }

    @Sendable func signOut(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let (session, _) = try await formSession(request)
        try await sessions.signOut(session)
        let expired = Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/console", httpOnly: true, sameSite: .strict)
        return ConsoleRenderer.redirect(to: "/console/sign-in", cookie: expired)
    }

    // MARK: Choosing a connection

    @Sendable func connectionsPage(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        guard let session = try await session(request) else { return ConsoleRenderer.redirect(to: "/console/sign-in") }
        return try await connections(session, error: nil)
    }

    @Sendable func chooseConnection(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let (session, form) = try await formSession(request)
        do {
            _ = try await sessions.choose(form["connectionId"] ?? "", for: session)
            return ConsoleRenderer.redirect(to: "/console/chats")
        } catch FanoutError.sessionNotProvided {
            return try await connections(session, error: "No such connection in this organization", status: .badRequest)
        }
    }

    private func connections(_ session: ConsoleSession, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let list = try await sessions.connections(of: session).map(ConsoleViews.connection)
        return renderer.page("connections", ConsoleViews.Connections(connections: list, csrf: session.csrfToken, error: error), status: status)
    }

    // MARK: Chats

    @Sendable func chatsPage(_ request: Request, context: FanoutRequestContext) async throws -> Response {
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

    @Sendable func chatPage(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let (session, connection) = try await working(request)
        return try await chat(request, context: context, session: session, connection: connection)
    }

    @Sendable func sendAsCreator(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let (session, form) = try await formSession(request)
        guard let connection = try await sessions.connection(of: session) else { return ConsoleRenderer.redirect(to: "/console/connections") }
        let fanID = try Self.fanID(context)
        do {
            try connection.require(.messagesWrite)
            _ = try await directMessages.send(MessageContent(text: form["text"] ?? ""), creatorID: connection.creatorID, fanID: fanID)
            return ConsoleRenderer.redirect(to: "/console/chats/\(fanID)")
        } catch let error as FanoutError {
            return try await chat(
                request, context: context, session: session, connection: connection, sendError: error.description, status: ErrorResponse(error).status)
        }
    }

    @Sendable func sendAsFan(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let (session, form) = try await formSession(request)
        guard let connection = try await sessions.connection(of: session) else { return ConsoleRenderer.redirect(to: "/console/connections") }
        let fanID = try Self.fanID(context)
        do {
            let tip = try form.money("tip", maximum: MessageContent.maxPrice)
            let text = form["text"].flatMap { $0.isEmpty ? nil : $0 } ?? tip.map { "Tipped $\($0.decimalString)" }
            guard let text else { throw FanoutError.badRequest("Write a message or a tip", field: "text") }
            _ = try await sandbox.fanSends(text: text, tip: tip, creatorID: connection.creatorID, fanID: fanID)
            return ConsoleRenderer.redirect(to: "/console/chats/\(fanID)")
        } catch let error as FanoutError {
            return try await chat(
                request, context: context, session: session, connection: connection, fanError: error.description, status: ErrorResponse(error).status)
        }
    }

    /// A chat's newest page (or the page before `?before=`), oldest at the top.
    private func chat(
        _ request: Request, context: FanoutRequestContext, session: ConsoleSession, connection: Connection,
        sendError: String? = nil, fanError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try connection.require(.messagesRead)
        let fanID = try Self.fanID(context)
        let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }
        let page = try await chats.messages(
            creatorID: connection.creatorID, query: ChatMessageQuery(fanID: fanID, page: PageRequest(limit: 20, offset: 0), before: before))
        let fan = try await chats.users(ids: [fanID]).first
        let fanName = fan?.name ?? "User \(fanID)"
        return renderer.page("chat", ConsoleViews.Chat(
            fanId: fanID, name: fanName, username: fan?.username ?? "u\(fanID)", creatorName: connection.creatorName,
            messages: page.items.reversed().map { ConsoleViews.message($0, creatorName: connection.creatorName, fanName: fanName) },
            older: page.hasMore ? page.items.last.map { "/console/chats/\(fanID)?before=\($0.id)" } : nil,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName),
            sendError: sendError, fanError: fanError),
            status: status)
    }

    // MARK: Sessions and forms

    /// The cookie's live session, if any.
    private func session(_ request: Request) async throws -> ConsoleSession? {
        try await sessions.session(token: request.cookies[Self.cookieName]?.value)
    }

    /// The session and its connection, for a page that needs both; a
    /// browser without them is sent to sign in or choose.
    private func working(_ request: Request) async throws -> (ConsoleSession, Connection) {
        guard let session = try await session(request) else { throw ConsoleRedirect(location: "/console/sign-in") }
        guard let connection = try await sessions.connection(of: session) else { throw ConsoleRedirect(location: "/console/connections") }
        return (session, connection)
    }

    /// A form POSTed by a signed-in page of this origin, with the session's CSRF token.
    private func formSession(_ request: Request) async throws -> (ConsoleSession, ConsoleForm) {
        try Self.requireSameOrigin(request)
        guard let session = try await session(request) else { throw ConsoleRedirect(location: "/console/sign-in") }
        let form = try await ConsoleForm(request)
        guard ConsoleSessionService.isValid(csrf: form["csrf"], for: session) else {
            throw ConsoleRefusal(status: .forbidden, message: "The form's CSRF token is missing or not this session's: reload the page")
        }
        return (session, form)
    }

    /// A browser names the page a POST came from in `Origin`: it must be this server.
    static func requireSameOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin] else { return }
        let host = request.head.authority ?? ""
        guard let url = URL(string: origin), let originHost = url.host else {
            throw ConsoleRefusal(status: .forbidden, message: "Cross-site form submissions are refused")
        }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        guard originAuthority == host else { throw ConsoleRefusal(status: .forbidden, message: "Cross-site form submissions are refused") }
    }

    static func fanID(_ context: FanoutRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("fanId").flatMap(Int64.init), id > 0 else {
            throw FanoutError.badRequest("fanId must be a positive integer", field: "fanId")
        }
        return id
    }

    static func label(_ filter: ChatListQuery.Filter) -> String {
        switch filter {
        case .unread: "Unread"
        case .whoTipped: "Who tipped"
        case .priority: "Priority"
        }
    }
}

