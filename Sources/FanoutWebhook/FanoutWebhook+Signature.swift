internal import Crypto
internal import Foundation

extension FanoutWebhook {
    /// The three signing headers, `webhook-*` or else `svix-*`, any case.
    struct SignedHeaders {
        var id: String
        var timestamp: String
        /// The base64 signatures of the `v1` entries; other versions are skipped.
        var signatures: [String]

        init(_ headers: [String: String]) throws {
            var lowercased: [String: String] = [:]
            for (name, value) in headers { lowercased[name.lowercased()] = value }
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
