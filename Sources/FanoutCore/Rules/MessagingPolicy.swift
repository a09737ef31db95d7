import Foundation

/// The time windows of the messaging rules, configurable per deployment.
public struct MessagingPolicy: Sendable, Equatable {
    /// How long after sending a mass message it can still be unsent.
    public var unsendWindow: TimeInterval
    /// How long after sending a direct message it can still be canceled.
    public var cancelWindow: TimeInterval

    public init(unsendWindow: TimeInterval = 24 * 3600, cancelWindow: TimeInterval = 120) {
        self.unsendWindow = unsendWindow
        self.cancelWindow = cancelWindow
    }

    /// Whole seconds left to unsend `message` at `now` (0 once closed or not sent).
    public func unsendSeconds(_ message: MassMessage, now: Date) -> Int {
        unsendSeconds(state: message.state, sentAt: message.sentAt, now: now)
    }

    /// The same for a delivery, from its mass message's state and send time.
    public func unsendSeconds(state: MassMessageState?, sentAt: Date?, now: Date) -> Int {
        guard state == .sent, let sentAt else { return 0 }
        return Self.secondsLeft(from: sentAt, window: unsendWindow, now: now)
    }

    public func canUnsend(_ message: MassMessage, now: Date) -> Bool { unsendSeconds(message, now: now) > 0 }

    /// Whole seconds left to cancel a direct message the creator sent.
    public func cancelSeconds(_ message: ChatMessage, now: Date) -> Int {
        guard message.isFromCreator, !message.isFromQueue else { return 0 }
        return Self.secondsLeft(from: message.createdAt, window: cancelWindow, now: now)
    }

    private static func secondsLeft(from start: Date, window: TimeInterval, now: Date) -> Int {
        // Never more than the window (a message dated ahead of a clock that moved back): Int(Double) traps past Int.
        let left = min(start.addingTimeInterval(window).timeIntervalSince(now), window)
        return left > 0 ? Int(left.rounded(.up)) : 0
    }
}
