import Crypto
import Foundation

/// A signing secret in the Standard Webhooks form, `whsec_` + base64 of 24
/// random bytes, and the signature it makes: `v1,` + base64 of
/// HMAC-SHA256(key, "id.timestamp.body"), what Svix and the official
/// OFAuth SDKs verify.
public struct WebhookSecret: Sendable, Equatable, CustomStringConvertible {
    public static let prefix = "whsec_"
    public let value: String

    public init?(_ value: String) {
        guard value.hasPrefix(Self.prefix), let key = Data(base64Encoded: String(value.dropFirst(Self.prefix.count))), !key.isEmpty else {
            return nil
        }
        self.value = value
    }

    /// A new secret (system CSPRNG).
    public static func generate() -> WebhookSecret {
        var rng = SystemRandomNumberGenerator()
        let key = (0..<24).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return WebhookSecret(Self.prefix + Data(key).base64EncodedString())!
    }

    var key: SymmetricKey { SymmetricKey(data: Data(base64Encoded: String(value.dropFirst(Self.prefix.count)))!) }

    /// The `webhook-signature` value for one attempt.
    public func signature(id: String, timestamp: Int, body: [UInt8]) -> String {
        var signed = Array("\(id).\(timestamp).".utf8)
        signed += body
        return "v1," + Data(HMAC<SHA256>.authenticationCode(for: signed, using: key)).base64EncodedString()
    }

    /// Never the secret itself: it would end up in logs.
    public var description: String { "whsec_…" }
}
