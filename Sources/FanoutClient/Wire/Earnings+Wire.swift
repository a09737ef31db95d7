internal import Foundation

extension FanoutClient.UserSummary {
    package init(_ wire: Components.Schemas.TransactionUser) {
        self.init(id: wire.id, name: wire.name, username: wire.username, avatar: WireValue.url(wire.avatar))
    }
}

extension FanoutClient.Transaction.Amounts {
    package init(_ wire: Components.Schemas.TransactionAmounts) throws {
        self.init(
            gross: try WireValue.money(wire.gross, field: "amounts.gross"), net: try WireValue.money(wire.net, field: "amounts.net"),
            fee: try WireValue.money(wire.fee, field: "amounts.fee"), vat: try WireValue.money(wire.vat, field: "amounts.vat"),
            tax: try WireValue.money(wire.tax, field: "amounts.tax"))
    }
}

extension FanoutClient.Transaction {
    package init(_ wire: Components.Schemas.Transaction) throws {
        self.init(
            id: wire.id, kind: try Self.kind(wire._type, field: "transaction.type"),
            createdAt: try WireValue.date(wire.createdAt, field: "transaction.createdAt"), amounts: try Amounts(wire.amounts),
            currency: wire.currency, description: wire.description, status: try Self.status(wire.status),
            payoutPendingDays: wire.payoutPendingDays, fan: FanoutClient.UserSummary(wire.user))
    }

    /// A chargeback's payment, of `kind` (the chargeback's `paymentType`):
    /// charged back, it waits for no payout.
    package init(_ wire: Components.Schemas.ChargebackPayment, kind: String) throws {
        self.init(
            id: wire.id, kind: try Self.kind(kind, field: "chargeback.paymentType"),
            createdAt: try WireValue.date(wire.createdAt, field: "payment.createdAt"), amounts: try Amounts(wire.amounts),
            currency: wire.currency, description: wire.description, status: try Self.status(wire.status), payoutPendingDays: 0,
            fan: FanoutClient.UserSummary(wire.user))
    }

    private static func kind(_ text: String, field: String) throws -> Kind {
        guard let kind = Kind(rawValue: text) else { throw FanoutClientError.invalidResponse(field: field, value: text) }
        return kind
    }

    private static func status(_ text: String) throws -> Status {
        guard let status = Status(rawValue: text) else { throw FanoutClientError.invalidResponse(field: "transaction.status", value: text) }
        return status
    }
}

extension FanoutClient.Chargeback {
    package init(_ wire: Components.Schemas.Chargeback) throws {
        self.init(
            id: wire.id, createdAt: try WireValue.date(wire.createdAt, field: "chargeback.createdAt"),
            payment: try FanoutClient.Transaction(wire.payment, kind: wire.paymentType))
    }
}

extension FanoutClient.EarningsChart {
    package init(_ wire: Components.Schemas.EarningsChart) throws {
        self.init(
            points: try wire.chart.map {
                Point(date: try WireValue.date($0.date, field: "chart.date"), amount: try WireValue.money($0.count, field: "chart.count"))
            },
            total: try WireValue.money(wire.total, field: "chart.total"), gross: try WireValue.money(wire.gross, field: "chart.gross"))
    }
}

extension FanoutClient.Transaction.Kind {
    var wire: Operations.ListTransactions.Input.Query._TypePayload {
        switch self {
        case .subscription: .subscribes
        case .chatMessage: .chatMessages
        case .post: .post
        case .stream: .stream
        case .tip: .tips
        }
    }
}

extension FanoutClient.TipsSource {
    var wire: Operations.ListTransactions.Input.Query.TipsSourcePayload {
        switch self {
        case .chat: .chat
        case .postAll: .postAll
        case .profile: .profile
        case .story: .story
        case .stream: .stream
        }
    }
}

extension FanoutClient.EarningsChart.Series {
    var wire: Operations.GetEarningsChart.Input.Query.ByPayload {
        switch self {
        case .total: .total
        case .messages: .messages
        case .tips: .tips
        case .stream: .stream
        case .post: .post
        case .subscriptions: .subscribes
        case .profileTips: .tipsProfile
        case .postTips: .tipsPost
        case .chatTips: .tipsChat
        case .streamTips: .tipsStream
        case .storyTips: .tipsStory
        case .referrals: .ref
        }
    }
}
