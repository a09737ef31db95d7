import NIOCore

/// Who failed to authenticate, for `AuthFailureLimiter`: the TCP peer's
/// address (never `X-Forwarded-For`, which any client can write). An IPv6
/// client is counted by its /64, since one host is commonly given a whole
/// /64 and could otherwise take a new address per guess; an IPv4-mapped
/// IPv6 peer (a server listening on `::`) is its IPv4 address.
enum ClientAddress {
    static func key(_ address: SocketAddress?) -> String? {
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { $0.map(String.init).joined(separator: ".") }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            guard bytes.count == 16 else { return address?.ipAddress }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                return bytes[12..<16].map(String.init).joined(separator: ".")
            }
            let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            return groups.joined(separator: ":") + "::/64"
        case .unixDomainSocket, nil:
            return nil
        }
    }
}
