import FanoutAPI
import FanoutCore
import Foundation
import Hummingbird

/// `/v2/access/earnings`: the creator's transactions, chart and chargebacks.
struct EarningsController {
    let service: EarningsService
    let mapper: WireMapper

    func register(on group: RouterGroup<FanoutRequestContext>) {
        group.get("earnings/transactions", use: transactions)
        group.get("earnings/chart", use: chart)
        group.get("earnings/chargebacks", use: chargebacks)
    }

    /// `POST /sandbox/transactions/:transactionId/chargeback`: the fan's bank
    /// takes a transaction back (README, "Earnings").
    func registerSandbox(on group: RouterGroup<FanoutRequestContext>) {
        group.post("transactions/:transactionId/chargeback", use: chargeBack)
    }

    @Sendable func chargeBack(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        guard let connection = context.connection else { throw FanoutError.sessionNotProvided }
        let id = try RequestParameters(request, context: context).pathID("transactionId")
        let chargeback = try await service.chargeBack(earningID: id, creatorID: connection.creatorID)
        return try JSONResponse.make(mapper.chargeback(chargeback, now: service.now(creatorID: connection.creatorID)))
    }

    /// OFAuth's transaction types; the sandbox has tips and paid messages only.
    enum TransactionType: String, CaseIterable { case subscribes, chatMessages = "chat_messages", post, stream, tips }
    enum TipsSource: String, CaseIterable { case chat, postAll = "post_all", profile, story, stream }
    enum ChartSeries: String, CaseIterable {
        case total, messages, tips, stream, post, subscribes, tipsProfile = "tips_profile", tipsPost = "tips_post", tipsChat = "tips_chat"
        case tipsStream = "tips_stream", tipsStory = "tips_story", ref

        /// The earnings counted; every tip is a chat's in the sandbox.
        var kinds: [Earning.Kind] {
            switch self {
            case .total: Earning.Kind.allCases
            case .messages: [.message]
            case .tips, .tipsChat: [.tip]
            case .stream, .post, .subscribes, .tipsProfile, .tipsPost, .tipsStream, .tipsStory, .ref: []
            }
        }
    }

    @Sendable func transactions(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .earningsRead)
        let parameters = RequestParameters(request, context: context)
        let type = try parameters.choice("type", as: TransactionType.self)
        let source = try parameters.choice("tipsSource", as: TipsSource.self)
        var kinds: [Earning.Kind]
        switch type {
        case nil: kinds = Earning.Kind.allCases
        case .tips?: kinds = [.tip]
        case .chatMessages?: kinds = [.message]
        case .subscribes?, .post?, .stream?: kinds = []
        }
        if let source {
            guard type == nil || type == .tips else {
                throw FanoutError.badRequest("tipsSource filters tips: use it with type=tips or without type", field: "tipsSource")
            }
            kinds = source == .chat ? [.tip] : []
        }
        let query = EarningQuery(kinds: kinds, since: try parameters.date("startDate"), marker: try parameters.queryID("marker"))
        let page = try await service.transactions(creatorID: connection.creatorID, query: query)
        let now = service.now(creatorID: connection.creatorID)
        let marker = page.hasMore ? Int(page.items.last?.id ?? 0) : 0
        return try JSONResponse.make(Components.Schemas.TransactionPage(
            list: page.items.map { mapper.transaction($0, now: now) }, hasMore: page.hasMore, marker: marker, nextMarker: marker))
    }

    @Sendable func chart(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .earningsRead)
        let parameters = RequestParameters(request, context: context)
        let now = service.now(creatorID: connection.creatorID)
        let days = try parameters.dayRange(now: now) ?? DayRange.lastThirtyDays(now: now)
        let series = try parameters.choice("by", as: ChartSeries.self) ?? .total
        _ = try parameters.boolean("withTotal")
        let monthly = try parameters.boolean("monthlyTotal") ?? false
        let chart = try await service.chart(creatorID: connection.creatorID, kinds: series.kinds, days: days, monthly: monthly)
        return try JSONResponse.make(Components.Schemas.EarningsChart(
            chart: chart.points.map { .init(date: $0.date, count: $0.net.doubleValue) },
            total: chart.total.doubleValue, gross: chart.gross.doubleValue))
    }

    @Sendable func chargebacks(_ request: Request, context: FanoutRequestContext) async throws -> Response {
        let connection = try context.connection(requiring: .earningsRead)
        let parameters = RequestParameters(request, context: context)
        let now = service.now(creatorID: connection.creatorID)
        let query = ChargebackQuery(days: try parameters.dayRange(now: now), marker: try parameters.queryID("marker"))
        let page = try await service.chargebacks(creatorID: connection.creatorID, query: query)
        let marker = page.hasMore ? Int(page.items.last?.id ?? 0) : 0
        return try JSONResponse.make(Components.Schemas.ChargebackPage(
            list: page.items.map { mapper.chargeback($0, now: now) }, hasMore: page.hasMore, marker: marker, nextMarker: marker))
    }
}
