import Foundation

/// The Standard Webhooks schedule: after the first attempt, retries 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h later, each with up to
/// a tenth of jitter; after the last, the delivery has failed.
public enum WebhookRetrySchedule {
    public static let delays: [TimeInterval] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400]

    /// The longest wait a receiver's `Retry-After` is granted: a day, the
    /// schedule's longest step. A receiver asking more (`1e300`, a date in
    /// the year 9999) is tried again a day later, not never.
    public static let longestAskedDelay: TimeInterval = 86_400

    /// When to try again after `attempts` attempts (nil: no more), at least
    /// what the receiver asked (`Retry-After` on 429 and 503), at most a day
    /// (plus jitter) after `now`.
    public static func nextAttempt(after attempts: Int, at now: Date, asked: TimeInterval? = nil,
                                   jitter: Double = Double.random(in: 0...0.1)) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        let scheduled = delays[attempts - 1] * (1 + min(max(jitter, 0), 0.1))
        return now.addingTimeInterval(max(scheduled, clamped(asked ?? 0)))
    }

    /// A `Retry-After` header's delay in seconds: delta-seconds (a decimal
    /// number is taken too) or an HTTP-date, counted from `now`; within 0 to
    /// `longestAskedDelay` whatever the receiver wrote; nil when it is
    /// neither (or NaN).
    public static func retryAfter(_ header: String, now: Date) -> TimeInterval? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(text) { return seconds.isNaN ? nil : clamped(seconds) }
        guard let date = httpDate(text) else { return nil }
        return clamped(date.timeIntervalSince(now))
    }

    /// An IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT" (the HTTP-date every
    /// sender must use), read by hand: Foundation's DateFormatter traps on
    /// some non-ASCII input (found by `scripts/fuzz retry-after`).
    static func httpDate(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 29, b[3] == 44, b[4] == 32, b[7] == 32, b[11] == 32, b[16] == 32, b[19] == 58, b[22] == 58, b[25] == 32,
              b[26...] == Array("GMT".utf8)[...] else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(b[index]) else { return nil }
                value = value * 10 + Int(b[index] - 48)
            }
            return value
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(decoding: b[8..<11], as: UTF8.self)),
              let day = number(5..<7), let year = number(12..<16),
              let hour = number(17..<19), let minute = number(20..<22), let second = number(23..<25),
              (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }
        // Days since 1970-01-01 from a civil date (Hinnant's algorithm); four-digit years cannot overflow.
        let month = monthIndex + 1
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// 0…`longestAskedDelay` (NaN: 0).
    private static func clamped(_ seconds: TimeInterval) -> TimeInterval {
        seconds.isNaN ? 0 : min(max(seconds, 0), longestAskedDelay)
    }
}
