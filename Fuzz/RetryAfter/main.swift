import Foundation

// libFuzzer target: a webhook receiver's `Retry-After` (seconds or an
// HTTP-date) into the next attempt's date. Whatever it says, the wait is
// 0 to a day and the date is one PostgreSQL can store.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let asked = WebhookRetrySchedule.retryAfter(text, now: now)
    if let asked { precondition(asked >= 0 && asked <= WebhookRetrySchedule.longestAskedDelay, "\(asked) s asked") }
    for attempts in 1...WebhookRetrySchedule.delays.count {
        let next = WebhookRetrySchedule.nextAttempt(after: attempts, at: now, asked: asked)!
        let wait = next.timeIntervalSince(now)
        precondition(wait >= 0 && wait <= 2 * WebhookRetrySchedule.longestAskedDelay, "a wait of \(wait) s")
    }
    return 0
}
