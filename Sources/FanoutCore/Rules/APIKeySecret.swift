import Crypto

/// API keys: `sk_sandbox_` + a 12-character public lookup id + a 32-character
/// secret. Only the SHA-256 of the whole key is stored; the lookup id finds the
/// row, and the hashes are compared in constant time.
public struct APIKeySecret: Sendable {
    public static let prefix = "sk_sandbox_"
    static let lookupLength = 12
    static let secretLength = 32
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    public let value: String

    /// A new random key (system CSPRNG).
    public static func generate() -> APIKeySecret {
        var rng = SystemRandomNumberGenerator()
        let body = (0..<(lookupLength + secretLength)).map { _ in alphabet.randomElement(using: &rng)! }
        return APIKeySecret(value: prefix + String(body))
    }

    public init(value: String) { self.value = value }

    /// The public part used to find the stored hash; nil when the shape is wrong.
    public var lookupID: String? {
        guard value.hasPrefix(Self.prefix), value.utf8.count == Self.prefix.utf8.count + Self.lookupLength + Self.secretLength
        else { return nil }
        return String(value.dropFirst(Self.prefix.count).prefix(Self.lookupLength))
    }

    /// The lookup id of a whole key or of its public part (`sk_sandbox_` and
    /// the 12 characters after it), so an operator can name a key to revoke
    /// without its secret.
    public static func lookupID(ofKeyOrPublicPart text: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.utf8.count - prefix.utf8.count
        guard rest == lookupLength || rest == lookupLength + secretLength else { return nil }
        return String(text.dropFirst(prefix.count).prefix(lookupLength))
    }

    public var hash: [UInt8] { Array(SHA256.hash(data: Array(value.utf8))) }

    public func stored(organizationID: Int64) -> StoredAPIKey? {
        guard let lookupID else { return nil }
        return StoredAPIKey(organizationID: organizationID, lookupID: lookupID, secretHash: hash)
    }

    /// Compares without an early exit, so timing does not tell how much matched.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
