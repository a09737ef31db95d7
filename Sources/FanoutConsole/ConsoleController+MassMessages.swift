import FanoutCore
import Foundation
import HTTPTypes
import Hummingbird

/// The mass-message pages: the three lists with live fan-out progress,
/// compose and edit, unsend.
extension ConsoleController {
    func registerMassMessages(on routes: RouteCollection<Context>) {
        routes.get("mass-messages", use: massMessagesPage)
        routes.post("mass-messages", use: createMassMessage)
        routes.get("mass-messages/new", use: composePage)
        routes.get("mass-messages/:id/edit", use: editPage)
        routes.post("mass-messages/:id", use: replaceMassMessage)
        routes.post("mass-messages/:id/unsend", use: unsendMassMessage)
        routes.get("mass-messages/:id/progress", use: progress)
    }

    @Sendable func massMessagesPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.messagesRead)
        let type = request.uri.queryParameters["type"].flatMap { MassMessageListType(rawValue: String($0)) } ?? .sent
        let offset = max(0, request.uri.queryParameters["offset"].flatMap { Int(String($0)) } ?? 0)
        let page = try await massMessages.list(creatorID: connection.creatorID, type: type, page: PageRequest(limit: 20, offset: offset))
        let now = clock.now(creatorID: connection.creatorID)
        return renderer.page("massMessages", ConsoleViews.MassMessages(
            items: page.items.map { ConsoleViews.massMessage($0, policy: massMessages.policy, now: now) },
            tabs: MassMessageListType.allCases.map { ConsoleViews.Tab(label: $0.rawValue.capitalized, href: "/console/mass-messages?type=\($0.rawValue)", current: $0 == type) },
            next: page.hasMore ? "/console/mass-messages?type=\(type.rawValue)&offset=\(offset + 20)" : nil,
            csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, massMessages: true)))
    }

    /// `{total, pending, sentCount, isDone}`, what the list's progress bars poll.
    @Sendable func progress(_ request: Request, context: Context) async throws -> Response {
        let (_, connection) = try await working(request)
        try connection.require(.messagesRead)
        let message = try await massMessages.get(id: try Self.pathID(context, "id"), creatorID: connection.creatorID)
        let json = #"{"total":\#(message.total),"pending":\#(message.pending),"sentCount":\#(message.sentCount),"isDone":\#(message.state == .sent)}"#
        return ConsoleRenderer.json(json)
    }

    @Sendable func composePage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.messagesWrite)
        return try await compose(session, connection, draft: nil, editing: nil)
    }

    @Sendable func editPage(_ request: Request, context: Context) async throws -> Response {
        let (session, connection) = try await working(request)
        try connection.require(.messagesWrite)
        let message = try await massMessages.get(id: try Self.pathID(context, "id"), creatorID: connection.creatorID)
        let draft = MassMessageDraft(
            content: MessageContent(
                text: message.text, mediaIDs: message.attachments.map(\.media.id),
                previewMediaCount: message.attachments.filter(\.isPreview).count, isLockedText: message.isLockedText, price: message.price),
            scheduledAt: message.scheduledAt)
        return try await compose(session, connection, draft: draft, editing: message.id)
    }

    @Sendable func createMassMessage(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        var draft: MassMessageDraft?
        do {
            try connection.require(.messagesWrite)
            draft = try Self.draft(form)
            let message = try await composer.create(draft!, creatorID: connection.creatorID)
            return ConsoleRenderer.redirect(to: "/console/mass-messages?type=\(message.state.listType.rawValue)")
        } catch let error as FanoutError {
            return try await compose(session, connection, draft: draft ?? Self.lenientDraft(form), editing: nil, error: error)
        }
    }

    @Sendable func replaceMassMessage(_ request: Request, context: Context) async throws -> Response {
        let (session, form) = try await formSession(request)
        let connection = try await chosenConnection(session)
        let id = try Self.pathID(context, "id")
        var draft: MassMessageDraft?
        do {
            try connection.require(.messagesWrite)
            draft = try Self.draft(form)
            _ = try await composer.replace(id: id, with: draft!, creatorID: connection.creatorID)
            return ConsoleRenderer.redirect(to: "/console/mass-messages?type=scheduled")
        } catch let error as FanoutError {
            return try await compose(session, connection, draft: draft ?? Self.lenientDraft(form), editing: id, error: error)
        }
    }

    @Sendable func unsendMassMessage(_ request: Request, context: Context) async throws -> Response {
        let (session, _) = try await formSession(request)
        let connection = try await chosenConnection(session)
        try connection.require(.messagesWrite)
        let message = try await massMessages.withdraw(id: try Self.pathID(context, "id"), creatorID: connection.creatorID)
        return ConsoleRenderer.redirect(to: "/console/mass-messages?type=\(message.state.listType.rawValue)")
    }

    /// The compose form, filled with `draft`, an error beside its field (or on top).
    private func compose(
        _ session: ConsoleSession, _ connection: Connection, draft: MassMessageDraft?, editing id: Int64?, error: FanoutError? = nil
    ) async throws -> Response {
        let media = try await vault.media(creatorID: connection.creatorID, query: VaultMediaQuery(page: PageRequest(limit: 30, offset: 0))).items
        let lists = try await userLists.lists(creatorID: connection.creatorID, page: PageRequest(limit: 50, offset: 0), search: nil).items
        let chosen = Set(draft?.content.mediaIDs ?? []), to = Set(draft?.audience.listIDs ?? []), except = Set(draft?.audience.excludedListIDs ?? [])
        let fieldErrors = error.flatMap(ConsoleViews.ComposeErrors.init)
        let view = ConsoleViews.Compose(
            heading: id == nil ? "Compose a mass message" : "Edit scheduled mass message \(id!)",
            action: id.map { "/console/mass-messages/\($0)" } ?? "/console/mass-messages", submit: id == nil ? "Send" : "Save",
            text: draft?.content.text ?? "", price: draft.map { $0.content.price.isZero ? "" : $0.content.price.decimalString } ?? "",
            lockedText: draft?.content.isLockedText ?? false, previews: draft?.content.previewMediaCount ?? 0,
            scheduledDate: ConsoleViews.localInput(draft?.scheduledAt),
            media: media.map { .init(id: $0.media.id, kind: $0.media.kind.rawValue, checked: chosen.contains($0.media.id)) },
            lists: lists.map { .init(id: $0.id, name: $0.name, count: $0.usersCount, checked: to.contains($0.id)) },
            excluded: lists.map { .init(id: $0.id, name: $0.name, count: $0.usersCount, checked: except.contains($0.id)) },
            errors: fieldErrors, csrf: session.csrfToken, nav: ConsoleViews.Nav(creatorName: connection.creatorName, massMessages: true),
            error: fieldErrors == nil ? error?.description : nil)
        return renderer.page("compose", view, status: error.map { errorAnswer($0).status } ?? .ok)
    }

    /// The form as the API's draft; the form's own parse errors name the API's fields.
    static func draft(_ form: ConsoleForm) throws(FanoutError) -> MassMessageDraft {
        let previews = try form["previews"].flatMap { $0.isEmpty ? nil : $0 }.map { (text: String) throws(FanoutError) -> Int in
            guard let count = Int(text), count >= 0 else { throw .badRequest("previews must be a whole number", field: "previewMediaCount") }
            return count
        } ?? 0
        return MassMessageDraft(
            text: form["text"] ?? "", mediaIDs: form.ids("media"), previewMediaCount: previews, isLockedText: form["lockedText"] == "1",
            price: try form.money("price", maximum: MessageContent.maxPrice) ?? .zero,
            audience: Audience(listIDs: form.ids("list"), excludedListIDs: form.ids("exclude")),
            scheduledAt: try form.date("scheduledDate"))
    }

    /// What the form held, for showing it again after a parse error.
    static func lenientDraft(_ form: ConsoleForm) -> MassMessageDraft {
        MassMessageDraft(
            text: form["text"] ?? "", mediaIDs: form.ids("media"), isLockedText: form["lockedText"] == "1",
            audience: Audience(listIDs: form.ids("list"), excludedListIDs: form.ids("exclude")))
    }
}
