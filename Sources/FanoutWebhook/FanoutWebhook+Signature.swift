internal import Crypto
public import Foundation

extension FanoutWebhook {
    /// How far a delivery's `webhook-timestamp` may be from now, either way:
    /// an older one may be a replay, a newer one a forged clock.
    public static let tolerance: TimeInterval = 5 * 60

    /// The delivery's id and signing time, once its signature is the secret's.
    static func checkSignature(payload: Data, headers: [String: String], secret: String, now: Date) throws -> (id: String, signedAt: Date) {
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

    /// The three signing headers, `webhook-*` or else `svix-*`, any case.
    struct SignedHeaders {
        var id: String
        var timestamp: String
        /// The base64 signatures of the `v1` entries; other versions are skipped.
        var signatures: [String]

        init(_ headers: [String: String]) throws {
            var lowercased: [String: String] = [:]
            // Names that differ only in case (two `Webhook-Signature` lines a
            // framework kept apart) are joined, not one kept at random.
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
                let key = name.lowercased()
                lowercased[key] = lowercased[key].map { $0 + " " + value } ?? value
            }
            func value(_ name: String) throws -> String {
                guard let value = lowercased["webhook-\(name)"] ?? lowercased["svix-\(name)"], !value.isEmpty else {
                    throw VerificationError.missingHeader("webhook-\(name)")
                }
                return value
            }
            id = try value("id")
            timestamp = try value("timestamp")
            signatures = try value("signature").split(separator: " ").compactMap { entry in
                let parts = entry.split(separator: ",", maxSplits: 1)
                return parts.count == 2 && parts[0] == "v1" ? String(parts[1]) : nil
            }
        }
    }

    /// An endpoint's secret, decoded.
    struct SigningKey {
        let key: SymmetricKey

        init(_ secret: String) throws {
            let encoded = secret.hasPrefix("whsec_") ? secret.dropFirst(6) : Substring(secret)
            guard let bytes = Data(base64Encoded: String(encoded)), !bytes.isEmpty else { throw VerificationError.invalidSecret }
            key = SymmetricKey(data: bytes)
        }

        /// Whether any of `signatures` is this key's HMAC-SHA256 of
        /// `"<id>.<timestamp>.<payload>"`, compared in constant time.
        func hasSigned(_ signatures: [String], id: String, timestamp: String, payload: Data) -> Bool {
            var content = Data("\(id).\(timestamp).".utf8)
            content.append(payload)
            let expected = HMAC<SHA256>.authenticationCode(for: content, using: key)
            return signatures.contains { signature in
                guard let code = Data(base64Encoded: signature), code.count == SHA256.byteCount else { return false }
                return expected == code  // Crypto's MAC == bytes: constant time
            }
        }
    }
}
