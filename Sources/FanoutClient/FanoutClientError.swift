internal import Foundation
public import HTTPTypes

/// A request the server answered with an error, or could not be reached.
public struct FanoutClientError: Error, Sendable, CustomStringConvertible {
    /// nil when no answer came (connection failure, timeout).
    public var status: HTTPResponse.Status?
    /// The error's type: `UNAUTHORIZED`, `SESSION_NOT_PROVIDED`, `FORBIDDEN`,
    /// `BAD_REQUEST`, `RESOURCE_NOT_FOUND`, `RATE_LIMIT_EXCEEDED`, …
    public var code: String
    /// The server's message.
    public var message: String
    public var requestID: String?
    /// The field at fault, and what it allows, when the server says.
    public var field: String?
    public var allowed: String?
    /// What the server asked to wait before retrying (429, 503).
    public var retryAfter: Duration?
    /// The transport's error when there was no answer.
    public var underlying: (any Error)?

    public var description: String {
        var text = message
        if let status { text += " (\(status.code) \(code)" + (requestID.map { ", request \($0)" } ?? "") + ")" }
        return text
    }

    public var isRateLimited: Bool { status == .tooManyRequests }

    /// An answer whose field did not hold what the API promises (a date
    /// that does not parse, a price that is not a number).
    public static func invalidResponse(field: String, value: String) -> FanoutClientError {
        FanoutClientError(
            status: nil, code: "INVALID_RESPONSE", message: "The response's \(field) is not valid: \(value.prefix(100))",
            requestID: nil, field: field, allowed: nil, retryAfter: nil, underlying: nil)
    }
}

extension FanoutClientError {
    /// The error of an answer: OFAuth's error JSON (`error`/`message`,
    /// `type`/`code`, `requestId`, `details`) as far as it is there.
    init(status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8]) {
        struct Wire: Decodable {
            struct Details: Decodable { var field: String?; var allowed: String? }
            var error: String?, message: String?, type: String?, code: String?, requestId: String?, details: Details?
        }
        let wire = try? JSONDecoder().decode(Wire.self, from: Data(body))
        self.status = status
        code = wire?.type ?? wire?.code ?? "HTTP_\(status.code)"
        message = wire?.message ?? wire?.error ?? (String(decoding: body.prefix(200), as: UTF8.self).isEmpty ? status.reasonPhrase : String(decoding: body.prefix(200), as: UTF8.self))
        requestID = wire?.requestId ?? headers[HTTPField.Name("x-request-id")!]
        field = wire?.details?.field
        allowed = wire?.details?.allowed
        retryAfter = Self.serverAskedDelay(headers)
    }

    /// `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset`
    /// (epoch seconds, or seconds from now when small).
    static func serverAskedDelay(_ headers: HTTPFields, now: Date = Date()) -> Duration? {
        if let value = headers[.retryAfter]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(value) { return delay(seconds) }
            // ASCII only: Foundation's DateFormatter traps on some other bytes (found by scripts/fuzz retry-after).
            if value.utf8.allSatisfy({ $0 < 0x80 }), let date = Self.httpDate.date(from: value) { return delay(date.timeIntervalSince(now)) }
        }
        if let value = headers[HTTPField.Name("x-ratelimit-reset")!], let reset = Double(value) {
            let seconds = reset > 1_000_000_000 ? reset - now.timeIntervalSince1970 : reset
            return delay(seconds)
        }
        return nil
    }

    /// A server's word in seconds, within 0…a day (NaN: 0): `1e300` or `inf`
    /// must not trap in the Int64 conversion.
    private static func delay(_ seconds: Double) -> Duration {
        .milliseconds(Int64(seconds.isNaN ? 0 : min(max(seconds, 0), 86_400) * 1000))
    }

    private static var httpDate: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
