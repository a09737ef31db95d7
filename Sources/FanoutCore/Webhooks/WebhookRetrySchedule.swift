import Foundation

/// The Standard Webhooks schedule: after the first attempt, retries 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h later, each with up to
/// a tenth of jitter; after the last, the delivery has failed.
public enum WebhookRetrySchedule {
    public static let delays: [TimeInterval] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400]

    /// When to try again after `attempts` attempts (nil: no more), at least
    /// what the receiver asked (`Retry-After` on 429 and 503).
    public static func nextAttempt(after attempts: Int, at now: Date, asked: TimeInterval? = nil,
                                   jitter: Double = Double.random(in: 0...0.1)) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        let scheduled = delays[attempts - 1] * (1 + jitter)
        return now.addingTimeInterval(max(scheduled, asked ?? 0))
    }
}
