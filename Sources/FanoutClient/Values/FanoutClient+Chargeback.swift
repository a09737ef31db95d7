public import Foundation

extension FanoutClient {
    /// A payment the fan's bank took back.
    public struct Chargeback: Sendable, Hashable, Identifiable {
        public var id: Int
        /// When it was charged back.
        public var createdAt: Date
        /// The transaction it took back (its `status` `chargeback`, its
        /// `payoutPendingDays` 0).
        public var payment: Transaction

        public init(id: Int, createdAt: Date, payment: Transaction) {
            self.id = id
            self.createdAt = createdAt
            self.payment = payment
        }
    }
}
