internal import Foundation

// libFuzzer target: a webhook delivery's signing headers, secret and
// timestamp as FanoutWebhook reads them (FanoutWebhook+Signature.swift).
// The input is split at NUL bytes into id, timestamp, signature header,
// secret and body. Nothing may trap; a delivery is accepted only with a
// signature of its own id, timestamp and body; one byte more in the body
// and it is refused.

enum FanoutWebhook {}

// Crypto, as far as the signature check uses it, with a toy keyed hash in
// place of HMAC-SHA256: what is fuzzed is the parsing around it.
struct SymmetricKey {
    let bytes: [UInt8]
    init(data: some DataProtocol) { bytes = Array(data) }
}

enum SHA256 { static let byteCount = 32 }

struct ToyMAC {
    let bytes: [UInt8]
    static func == (mac: ToyMAC, data: Data) -> Bool { mac.bytes == Array(data) }
}

enum HMAC<Hash> {
    static func authenticationCode(for content: Data, using key: SymmetricKey) -> ToyMAC {
        var state: [UInt64] = (0..<4).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (index, byte) in (key.bytes + [0xFF] + Array(content)).enumerated() {
            state[index % 4] = (state[index % 4] ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return ToyMAC(bytes: state.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    var fields = bytes.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    while fields.count < 5 { fields.append("") }
    let (id, timestamp, signature, secret) = (fields[0], fields[1], fields[2], fields[3])
    let body = Data(fields[4].utf8)
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    var headers = ["webhook-id": id, "Webhook-Timestamp": timestamp, "svix-signature": signature]
    if let key = try? FanoutWebhook.SigningKey(secret) {
        // Half the time, add the right signature beside whatever the input says.
        if count % 2 == 0 {
            let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).".utf8) + body, using: key.key)
            headers["WEBHOOK-SIGNATURE"] = "v1," + Data(mac.bytes).base64EncodedString()
        }
    }
    let accepted = (try? FanoutWebhook.checkSignature(payload: body, headers: headers, secret: secret, now: now)) != nil
    if accepted {
        precondition(!id.isEmpty && !timestamp.isEmpty)
        let signedAt = try! FanoutWebhook.checkTimestamp(timestamp, now: now)
        precondition(abs(signedAt.timeIntervalSince(now)) <= FanoutWebhook.tolerance)
        let tampered = (try? FanoutWebhook.checkSignature(payload: body + [0x20], headers: headers, secret: secret, now: now)) != nil
        precondition(!tampered, "a body changed after signing was accepted")
    }
    return 0
}
