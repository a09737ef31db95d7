import Foundation

/// The note, nickname and discount a creator keeps per subscriber.
public struct SubscriberDetailService: Sendable {
    let store: any SubscriberDetailStore
    let clock: any CreatorClock

    public init(store: any SubscriberDetailStore, clock: any CreatorClock) {
        self.store = store
        self.clock = clock
    }

    public func setNotice(_ notice: String, creatorID: Int64, fanID: Int64) async throws {
        try Self.refuseNUL(notice, field: "notice")
        guard notice.unicodeScalars.count <= SubscriberDetail.maxNoticeLength else {
            throw FanoutError.badRequest("notice is longer than \(SubscriberDetail.maxNoticeLength) characters", field: "notice")
        }
        try await update(.notice(notice), creatorID: creatorID, fanID: fanID)
    }

    public func setDisplayName(_ name: String, creatorID: Int64, fanID: Int64) async throws {
        try Self.refuseNUL(name, field: "displayName")
        guard SubscriberDetail.displayNameLength.contains(name.unicodeScalars.count) else {
            throw FanoutError.badRequest("displayName must be 1 to 100 characters", field: "displayName")
        }
        try await update(.displayName(name), creatorID: creatorID, fanID: fanID)
    }

    public func setDiscount(percent: Int, months: Int, creatorID: Int64, fanID: Int64) async throws {
        guard SubscriberDiscount.percents.contains(percent) else {
            throw FanoutError.badRequest("discount must be 5 to 60 (percent)", field: "discount", allowed: "5-60")
        }
        guard SubscriberDiscount.periods.contains(months) else {
            throw FanoutError.badRequest("period must be 1 to 12 (months)", field: "period", allowed: "1-12")
        }
        let discount = SubscriberDiscount(percent: percent, months: months, startedAt: clock.now(creatorID: creatorID))
        try await update(.discount(discount), creatorID: creatorID, fanID: fanID)
    }

    /// The console's form: note and nickname together; an empty nickname
    /// clears it (the API's custom name is 1-100 characters).
    public func setNoticeAndDisplayName(notice: String, displayName: String, creatorID: Int64, fanID: Int64) async throws {
        try Self.refuseNUL(notice, field: "notice")
        try Self.refuseNUL(displayName, field: "displayName")
        guard notice.unicodeScalars.count <= SubscriberDetail.maxNoticeLength else {
            throw FanoutError.badRequest("The note is longer than \(SubscriberDetail.maxNoticeLength) characters", field: "notice")
        }
        guard displayName.unicodeScalars.count <= SubscriberDetail.displayNameLength.upperBound else {
            throw FanoutError.badRequest("The nickname is longer than 100 characters", field: "displayName")
        }
        try await update(.noticeAndDisplayName(notice, displayName), creatorID: creatorID, fanID: fanID)
    }

    public func account(creatorID: Int64, fanID: Int64) async throws -> FanAccount {
        try await store.fanAccount(creatorID: creatorID, fanID: fanID)
    }

    private func update(_ change: SubscriberDetailChange, creatorID: Int64, fanID: Int64) async throws {
        guard try await store.updateSubscriberDetail(creatorID: creatorID, fanID: fanID, change: change) else {
            throw FanoutError.notFound("Subscriber \(fanID) not found")
        }
    }

    /// PostgreSQL's text cannot hold NUL: refused on every backend alike, whatever the caller (API or console).
    static func refuseNUL(_ text: String, field: String) throws(FanoutError) {
        guard !text.utf8.contains(0) else { throw .badRequest("\(field) must not contain NUL characters", field: field) }
    }
}
