import Foundation

/// The note, nickname and discount a creator keeps per subscriber.
public protocol SubscriberDetailStore: Sendable {
    /// Applies `change`; false (nothing written) when the fan never
    /// subscribed to the creator.
    func updateSubscriberDetail(creatorID: Int64, fanID: Int64, change: SubscriberDetailChange) async throws -> Bool
    /// The fan's detail (empty when none kept) and spend with the creator.
    func fanAccount(creatorID: Int64, fanID: Int64) async throws -> FanAccount
}
