import Crypto
import Foundation

/// An `Idempotency-Key` header (Stripe's contract, beyond OFAuth): 1–255
/// printable ASCII characters, kept 24 hours per connection.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    /// How long a key's answer is replayed.
    public static let retention: TimeInterval = 24 * 3600
    /// How long a request may hold its key before a repeat may take it over,
    /// when it wrote nothing (its server stopped mid-request).
    public static let lease: TimeInterval = 60

    public let value: String

    /// nil unless `text` is 1–255 characters from space to `~`.
    public init?(_ text: String) {
        let bytes = text.utf8
        guard (1...255).contains(bytes.count), bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        value = text
    }

    public var description: String { value }

    /// What "the same request" means for a repeat: SHA-256 over the method,
    /// the path with its query, and the body bytes, each length-prefixed so
    /// that no two different requests run together into one input.
    public static func fingerprint(method: String, target: String, body: some Collection<UInt8>) -> [UInt8] {
        var hash = SHA256()
        for part in [Array(method.utf8), Array(target.utf8)] {
            hash.update(data: withUnsafeBytes(of: UInt64(part.count).bigEndian) { Array($0) })
            hash.update(data: part)
        }
        hash.update(data: withUnsafeBytes(of: UInt64(body.count).bigEndian) { Array($0) })
        hash.update(data: Array(body))
        return Array(hash.finalize())
    }
}
