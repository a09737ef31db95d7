@testable import FanoutServer
import NIOCore
import Testing

/// What failed authentications are counted by: the peer's IPv4 address, an
/// IPv6 peer's /64 (one host may hold all of it), an IPv4-mapped peer as IPv4.
@Suite struct ClientAddressTests {
    @Test func addressesAreCountedByHostOrSlash64() throws {
        #expect(ClientAddress.key(try SocketAddress(ipAddress: "203.0.113.9", port: 5000)) == "203.0.113.9")
        let one = ClientAddress.key(try SocketAddress(ipAddress: "2001:db8:1:2:aaaa::1", port: 5000))
        let sibling = ClientAddress.key(try SocketAddress(ipAddress: "2001:db8:1:2:ffff:1:2:3", port: 6000))
        #expect(one == "2001:db8:1:2::/64" && sibling == one, "one /64, one count")
        #expect(ClientAddress.key(try SocketAddress(ipAddress: "2001:db8:1:3::1", port: 5000)) != one)
        #expect(ClientAddress.key(try SocketAddress(ipAddress: "::ffff:198.51.100.7", port: 5000)) == "198.51.100.7")
        #expect(ClientAddress.key(nil) == nil)
    }
}
