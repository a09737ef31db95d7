internal import Foundation

extension FanoutClient.MassMessageAnalytics {
    package init(_ wire: Components.Schemas.PurchasedItem) throws {
        self.init(
            id: wire.id, date: try WireValue.date(wire.date, field: "massMessage.date"), text: wire.text,
            media: try wire.media.map(FanoutClient.Media.init), previews: try wire.previews.map(FanoutClient.Media.init),
            price: try WireValue.money(wire.price, field: "massMessage.price"), isFree: wire.isFree, sentCount: wire.sentCount,
            viewedCount: wire.viewedCount, purchasedCount: wire.purchasedCount, isCanceled: wire.isCanceled,
            canUnsend: wire.canUnsend ?? false, unsendSeconds: wire.unsendSeconds ?? 0)
    }
}

extension FanoutClient.ChartSeries {
    package init(_ wire: Components.Schemas.ChartSeries, name: String) throws {
        self.init(
            points: try wire.chart.map { Point(date: try WireValue.date($0.date, field: "\(name).chart.date"), count: $0.count) },
            total: wire.total, delta: wire.delta, gross: try wire.gross.map { try WireValue.money($0, field: "\(name).gross") })
    }
}

extension FanoutClient.MassMessagesChart {
    package init(_ wire: Components.Schemas.MassMessageChart) throws {
        self.init(
            massMessages: try .init(wire.groupMessages, name: "group_messages"),
            massMessagePurchases: try .init(wire.groupMessagesPurchases, name: "group_messages_purchases"),
            directMessages: try .init(wire.directMessages, name: "direct_messages"),
            directMessagePurchases: try .init(wire.directMessagesPurchases, name: "direct_messages_purchases"))
    }
}
