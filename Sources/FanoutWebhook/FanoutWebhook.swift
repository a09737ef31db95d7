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
}
