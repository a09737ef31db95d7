public import Foundation

/// Webhooks from Fanout or OFAuth, verified and typed.
///
/// ```swift
/// import FanoutWebhook
///
/// let event = try FanoutWebhook.verify(payload: body, headers: headers, secret: secret)
/// if case .chatMessageReceived(let message) = event.body {
///     print(message.fromUser.id, message.text)
/// }
/// ```
///
/// Deliveries are signed the Standard Webhooks way: HMAC-SHA256 of
/// `"<webhook-id>.<webhook-timestamp>.<body>"` with the endpoint's secret,
/// sent in `webhook-signature` (and the same three headers as `svix-*`).
public enum FanoutWebhook {
    /// How far a delivery's `webhook-timestamp` may be from now, either way:
    /// an older one may be a replay, a newer one a forged clock.
    public static let tolerance: TimeInterval = 5 * 60

    /// The event of a delivery whose signature is `secret`'s, whose
    /// timestamp is within ``tolerance`` of `now`, and whose body decodes.
    ///
    /// - Parameters:
    ///   - payload: The request body, exactly as received (not re-encoded).
    ///   - headers: The request headers; names are matched case-insensitively,
    ///     `webhook-*` first, else `svix-*`.
    ///   - secret: The endpoint's signing secret, `whsec_<base64>` (or the
    ///     base64 alone).
    ///   - now: The time the timestamp is checked against (the system's clock
    ///     unless given: a test's fixed instant).
    /// - Throws: ``VerificationError`` naming what failed.
    public static func verify(payload: Data, headers: [String: String], secret: String, now: Date = Date()) throws -> Event {
        let (id, signedAt) = try checkSignature(payload: payload, headers: headers, secret: secret, now: now)
        return try Event(id: id, payload: payload, signedAt: signedAt)
    }

    /// Checks a delivery's signature and timestamp as ``verify(payload:headers:secret:now:)``
    /// does, without reading the body: for a body of your own shape.
    ///
    /// - Returns: The delivery's `webhook-id`.
    /// - Throws: ``VerificationError`` naming what failed.
    @discardableResult
    public static func verifySignature(payload: Data, headers: [String: String], secret: String, now: Date = Date()) throws -> String {
        try checkSignature(payload: payload, headers: headers, secret: secret, now: now).id
    }

    /// The delivery's id and signing time, once its signature is the secret's.
    private static func checkSignature(payload: Data, headers: [String: String], secret: String, now: Date) throws -> (id: String, signedAt: Date) {
        let signed = try SignedHeaders(headers)
        let key = try SigningKey(secret)
        let signedAt = try checkTimestamp(signed.timestamp, now: now)
        guard key.hasSigned(signed.signatures, id: signed.id, timestamp: signed.timestamp, payload: payload) else {
            throw VerificationError.noMatchingSignature
        }
        return (signed.id, signedAt)
    }

    /// The date of a number of seconds since 1970 within ``tolerance`` of `now`.
    static func checkTimestamp(_ text: String, now: Date) throws -> Date {
        // Digits only, and few enough that Int64 and Double hold them exactly: no trapping conversion.
        guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int64(text) else {
            throw VerificationError.invalidTimestamp(text)
        }
        let signedAt = Date(timeIntervalSince1970: Double(seconds))
        let age = now.timeIntervalSince(signedAt)
        if age > tolerance { throw VerificationError.timestampTooOld(signedAt) }
        if age < -tolerance { throw VerificationError.timestampInFuture(signedAt) }
        return signedAt
    }
}
