public import Foundation

extension FanoutWebhook {
    /// Why a delivery was not accepted: answer it with a 4xx. (Fanout
    /// retries any answer but a 2xx or 410 on its schedule; a forged or
    /// stale delivery keeps failing, and a real one sent while your secret
    /// was wrong gets through once it is right.)
    public enum VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
        /// A header every delivery carries is absent (named as `webhook-*`).
        case missingHeader(String)
        /// The secret is not `whsec_` followed by base64 (or base64 alone).
        case invalidSecret
        /// `webhook-timestamp` is not a number of seconds.
        case invalidTimestamp(String)
        /// Signed longer ago than ``FanoutWebhook/tolerance``: possibly a replay.
        case timestampTooOld(Date)
        /// Signed further ahead than ``FanoutWebhook/tolerance``.
        case timestampInFuture(Date)
        /// No `v1` signature of the header is the secret's for this body.
        case noMatchingSignature
        /// The body is signed but is not an event this library reads (the
        /// reason says where); an unknown event type is no error.
        case undecodableBody(String)

        public var description: String {
            switch self {
            case .missingHeader(let name): "missing header \(name)"
            case .invalidSecret: "the secret is not whsec_<base64>"
            case .invalidTimestamp(let text): "webhook-timestamp is not a number of seconds: \(text.prefix(40))"
            case .timestampTooOld(let date): "signed at \(date), more than 5 minutes ago"
            case .timestampInFuture(let date): "signed at \(date), more than 5 minutes ahead"
            case .noMatchingSignature: "no signature matches"
            case .undecodableBody(let reason): "the body is not a valid event: \(reason)"
            }
        }
    }
}
