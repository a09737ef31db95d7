import FanoutCore

extension MessageContent {
    /// The message fields of a send body. `isMarkdown`, `isForwardedMessage`,
    /// `releaseForms` and `userTags` are accepted and ignored (the two flags
    /// only when they are booleans, as the contract types them).
    init(body: JSONBody) throws(FanoutError) {
        _ = try body.bool("isMarkdown")
        _ = try body.bool("isForwardedMessage")
        self.init(
            text: try body.string("text") ?? "",
            mediaIDs: try body.ids("mediaItems", hint: "; Fanout takes vault media ids, not uploads or URLs"),
            previewMediaCount: try body.integer("previewMediaCount", minimum: 0) ?? 0,
            isLockedText: try body.bool("isLockedText") ?? false,
            price: try body.money("price", maximum: MessageContent.maxPrice) ?? .zero)
    }
}

extension MassMessageDraft {
    /// The body of POST and PUT /v2/access/mass-messages.
    init(body: JSONBody) throws(FanoutError) {
        self.init(
            content: try MessageContent(body: body),
            audience: Audience(
                userIDs: try body.ids("userIds"), listIDs: try body.ids("userLists"),
                excludedListIDs: try body.ids("excludeUserLists"), subscribedAfter: try body.date("subscribedAfterDate")),
            scheduledAt: try body.date("scheduledDate"))
    }
}
