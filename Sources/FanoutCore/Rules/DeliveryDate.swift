import Foundation

/// When a mass message's delivery reached its fan. Its id comes from the
/// message sequence when its batch is written, so a chat's ids follow their
/// dates only if the delivery is dated then too. Nearly every batch is
/// written in the second its send started, and is dated by that start (the
/// row stores nothing: a million-fan send adds no bytes for it); a batch of
/// a later second (the rest of a long send, one resumed after a restart, the
/// demo's half-sent one) stores its own date.
public enum DeliveryDate {
    /// What a batch written at `deliveredAt` stores: nil when the send's
    /// start (`sendingSince`, its `sent_at` or else `created_at`) shows as
    /// the same date. The API shows whole seconds, the fraction dropped
    /// (`Timestamp`): a batch of the next second, however soon, is dated
    /// apart, or a direct message written between the two would show as
    /// newer than the delivery above it.
    public static func stored(deliveredAt: Date, sendingSince: Date?) -> Date? {
        guard let since = sendingSince else { return deliveredAt }
        // Doubles throughout: no conversion of a clock's value can trap.
        let delivered = deliveredAt.timeIntervalSince1970.rounded(.down), started = since.timeIntervalSince1970.rounded(.down)
        return delivered > started ? deliveredAt : nil
    }
}
