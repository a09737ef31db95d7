import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/console`: the sandbox in a browser. Server-rendered pages over the same
/// services and rules as the API; the session is a cookie naming a
/// server-side session; every form carries the session's CSRF token, and a
/// POST from another origin is refused before it is read. The application
/// adds `routes` at `/console`, in its own request context.
public struct ConsoleController<Context: ConsoleRequestContext>: Sendable {
    let sessions: ConsoleSessionService
    let chats: ChatService
    let directMessages: DirectMessageService
    let massMessages: MassMessageService
    let composer: MassMessageComposer
    let vault: VaultService
    let userLists: UserListService
    let webhooks: WebhookService
    let analytics: AnalyticsService
    /// The note, nickname and spend shown beside a chat.
    let subscriberDetails: SubscriberDetailService
    /// The fan's side of a chat, the clock (the console is on only with the sandbox).
    let sandbox: SandboxService
    /// Each creator's: pages show the signed-in connection's creator's time.
    let clock: any CreatorClock
    let simulations: ConsoleSimulations
    let renderer = ConsoleRenderer()
    /// The API's per-connection buckets: an action of the console is a
    /// request of its connection (nil: no limit).
    let limiter: RateLimiter?
    /// The cookie is `Secure` when the public URL is https (behind a proxy
    /// that ends TLS, the request itself is plain http), or the request is.
    let secureCookies: Bool
    /// The API's answer to a domain error: a page fails with the same status.
    let errorAnswer: ConsoleErrorAnswer

    static var cookieName: String { "fanout_console" }

    public init(
        sessions: ConsoleSessionService, chats: ChatService, directMessages: DirectMessageService, massMessages: MassMessageService,
        composer: MassMessageComposer, vault: VaultService, userLists: UserListService, webhooks: WebhookService,
        analytics: AnalyticsService, sandbox: SandboxService, clock: any CreatorClock, simulations: ConsoleSimulations,
        limiter: RateLimiter?, secureCookies: Bool, subscriberDetails: SubscriberDetailService, errorAnswer: @escaping ConsoleErrorAnswer
    ) {
        self.subscriberDetails = subscriberDetails
        self.sessions = sessions
        self.chats = chats
        self.directMessages = directMessages
        self.massMessages = massMessages
        self.composer = composer
        self.vault = vault
        self.userLists = userLists
        self.webhooks = webhooks
        self.analytics = analytics
        self.sandbox = sandbox
        self.clock = clock
        self.simulations = simulations
        self.limiter = limiter
        self.secureCookies = secureCookies
        self.errorAnswer = errorAnswer
    }

    /// Every page, form and asset of the console, behind its error pages.
    public var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.add(middleware: ConsoleErrorMiddleware<Context>(renderer: renderer, errorAnswer: errorAnswer))
        routes.get("", use: home)
        routes.get("sign-in", use: signInPage)
        routes.post("sign-in", use: signIn)
        routes.post("sign-out", use: signOut)
        routes.get("connections", use: connectionsPage)
        routes.post("connections", use: chooseConnection)
        registerChats(on: routes)
        registerMassMessages(on: routes)
        registerAnalytics(on: routes)
        registerSandbox(on: routes)
        routes.get("assets/console.css") { [renderer] _, _ in
            renderer.asset(ConsoleAssets.css, contentType: "text/css; charset=utf-8")
        }
        routes.get("assets/console.js") { [renderer] _, _ in
            renderer.asset(ConsoleAssets.js, contentType: "text/javascript; charset=utf-8")
        }
        return routes
    }

    // MARK: Signing in and out

    @Sendable func home(_ request: Request, context: Context) async throws -> Response {
        guard let session = try await session(request) else { return ConsoleRenderer.redirect(to: "/console/sign-in") }
        return ConsoleRenderer.redirect(to: session.connectionID == nil ? "/console/connections" : "/console/chats")
    }

    @Sendable func signInPage(_ request: Request, context: Context) async throws -> Response {
        renderer.page("signIn", ConsoleViews.SignIn(error: nil))
    }

    @Sendable func signIn(_ request: Request, context: Context) async throws -> Response {
        try Self.requireSameOrigin(request)
        let form = try await ConsoleForm(request)
        do {
            let (token, _) = try await sessions.signIn(apiKey: form["apiKey"], client: context.clientAddress)
            let cookie = Cookie(
                name: Self.cookieName, value: token, maxAge: Int(ConsoleSessionService.lifetime), path: "/console",
                secure: secureCookies || request.head.scheme == "https", httpOnly: true, sameSite: .strict)
            return ConsoleRenderer.redirect(to: "/console/connections", cookie: cookie)
        } catch let error as FanoutError {
            return renderer.page("signIn", ConsoleViews.SignIn(error: error.description), status: .unauthorized)
        } catch let lockout as AuthenticationLockout {
            var page = renderer.page("signIn", ConsoleViews.SignIn(error: lockout.description), status: .tooManyRequests)
            page.headers[.retryAfter] = String(lockout.retryAfterSeconds)
            return page
        }
    }

    @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
        let (session, _) = try await formSession(request)
        try await sessions.signOut(session)
        let expired = Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/console", httpOnly: true, sameSite: .strict)
        return ConsoleRenderer.redirect(to: "/console/sign-in", cookie: expired)
    }

    // MARK: Choosing a connection

    @Sendable func connectionsPage(_ request: Request, context: Context) async throws -> Response {
        guard let session = try await session(request) else { return ConsoleRenderer.redirect(to: "/console/sign-in") }
        return try await connections(session, error: nil)
    }

    @Sendable func chooseConnection(_ request: Request, context: Context) async throws -> Response {
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

    // MARK: Sessions and forms

    /// The cookie's live session, if any.
    func session(_ request: Request) async throws -> ConsoleSession? {
        try await sessions.session(token: request.cookies[Self.cookieName]?.value)
    }

    /// The session and its connection, for a page that needs both; a
    /// browser without them is sent to sign in or choose.
    func working(_ request: Request) async throws -> (ConsoleSession, Connection) {
        guard let session = try await session(request) else { throw ConsoleRedirect(location: "/console/sign-in") }
        guard let connection = try await sessions.connection(of: session) else { throw ConsoleRedirect(location: "/console/connections") }
        return (session, connection)
    }

    /// A form POSTed by a signed-in page of this origin, with the session's CSRF token.
    func formSession(_ request: Request) async throws -> (ConsoleSession, ConsoleForm) {
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

    /// The session's connection, for a form handler (none chosen: choose one
    /// first). The action is the connection's request: it takes a token from
    /// the connection's bucket, as on the API (refused: a 429 page).
    func chosenConnection(_ session: ConsoleSession) async throws -> Connection {
        guard let connection = try await sessions.connection(of: session) else { throw ConsoleRedirect(location: "/console/connections") }
        if let limiter {
            let decision = try await limiter.take(connectionID: connection.id)
            guard decision.allowed else { throw FanoutError.rateLimited(limiter.limit, retryAfterSeconds: decision.retryAfterSeconds) }
        }
        return connection
    }

    static func pathID(_ context: Context, _ name: String) throws -> Int64 {
        guard let id = context.parameters.get(name).flatMap(Int64.init), id > 0 else {
            throw FanoutError.badRequest("\(name) must be a positive integer", field: name)
        }
        return id
    }

}

