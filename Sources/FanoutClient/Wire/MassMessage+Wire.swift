internal import Foundation

extension FanoutClient.MassMessage.State {
    /// The state the answer's flags and counts tell: canceled and done are
    /// the server's word; otherwise it is sending once anyone has it.
    init(isCanceled: Bool?, isDone: Bool?, sentCount: Int?, total: Int?, pending: Int?) {
        if isCanceled == true {
            self = .canceled
        } else if isDone == true {
            self = .sent
        } else if (sentCount ?? 0) > 0 || (total.flatMap { total in pending.map { $0 < total } } ?? false) {
            self = .sending
        } else {
            self = .pending
        }
    }
}

extension FanoutClient.MassMessage.MediaCounts {
    package init(_ wire: Components.Schemas.MediaTypes) {
        self.init(photos: wire.photo, videos: wire.video, gifs: wire.gif, audios: wire.audio)
    }
}

extension FanoutClient.MassMessage {
    package init(_ wire: Components.Schemas.QueueItem) throws {
        let fields = wire.value1, statistics = wire.value2
        guard let dateText = statistics.date else { throw FanoutClientError.invalidResponse(field: "massMessage.date", value: "missing") }
        let price = try statistics.price.map { try WireValue.money($0, field: "massMessage.price") } ?? 0
        self.init(
            id: fields.id, text: fields.text, fromUser: FanoutClient.UserReference(fields.fromUser),
            media: try fields.media.map(FanoutClient.Media.init), previewMediaIDs: fields.previews, price: price,
            isFree: fields.isFree ?? (price == 0), isTextLocked: fields.lockedText ?? false,
            createdAt: try WireValue.date(fields.createdAt, field: "massMessage.createdAt"),
            changedAt: try WireValue.date(fields.changedAt, field: "massMessage.changedAt"),
            date: try WireValue.date(dateText, field: "massMessage.date"),
            state: State(
                isCanceled: statistics.isCanceled, isDone: statistics.isDone, sentCount: statistics.sentCount,
                total: statistics.total, pending: statistics.pending),
            recipientsCount: statistics.total ?? 0, pendingCount: statistics.pending ?? 0,
            sentCount: statistics.sentCount ?? 0, viewedCount: statistics.viewedCount ?? 0,
            purchasedCount: statistics.purchasedCount ?? 0,
            mediaCounts: statistics.mediaTypes.map(MediaCounts.init) ?? MediaCounts(),
            canUnsend: statistics.canUnsend ?? false, unsendSeconds: statistics.unsendSeconds ?? 0,
            hasError: statistics.hasError ?? false)
    }
}

extension FanoutClient.CreatedMassMessage {
    package init(_ wire: Components.Schemas.MassMessageCreated) throws {
        self.init(
            id: wire.id, date: try WireValue.date(wire.date, field: "massMessage.date"),
            state: FanoutClient.MassMessage.State(
                isCanceled: wire.isCanceled, isDone: wire.isDone, sentCount: nil, total: wire.total, pending: wire.pending),
            isReady: wire.isReady, recipientsCount: wire.total, pendingCount: wire.pending,
            canUnsend: wire.canUnsend, unsendSeconds: wire.unsendSeconds, hasError: wire.hasError)
    }
}

extension FanoutClient.DeletedMassMessage {
    package init(_ wire: Components.Schemas.DeleteMassMessageResponse) throws {
        self.init(isSuccess: wire.success, massMessage: try wire.queue.map(FanoutClient.MassMessage.init))
    }
}
