import FanoutCore
import Testing

/// Where webhooks may go: addresses read as the system's resolver reads
/// them, link-local and metadata refused always, the rest of the inside of
/// the network refused unless private destinations are allowed.
@Suite struct WebhookDestinationPolicyTests {
    static let strict = WebhookDestinationPolicy(allowsPrivate: false)
    static let sandbox = WebhookDestinationPolicy(allowsPrivate: true)

    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("0X7F000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
        ("0", "0.0.0.0"), ("0x", "0.0.0.0"), ("169.254.169.254", "169.254.169.254"), ("0xa9fea9fe", "169.254.169.254"),
        ("2852039166", "169.254.169.254"), ("10.0.0.1.", "10.0.0.1"), ("4294967295", "255.255.255.255"),
    ])
    func ipv4IsReadAsInetAtonReadsIt(host: String, address: String) {
        #expect(IPAddress(host: host)?.description == address)
    }

    @Test(arguments: [
        "example.com", "4294967296", "256.0.0.1", "1.2.3.4.5", "08.0.0.1", "1..2", "", ".", "1.2.3.256", "1.16777216",
        "0x100000000", "99999999999999999999", "１２７.0.0.1", "1e3", "-1", "+1", "127.0.0.1x",
    ])
    func namesAndNonNumbersAreNoAddress(host: String) {
        #expect(IPAddress(host: host) == nil)
    }

    @Test(arguments: [
        ("::1", "0:0:0:0:0:0:0:1"), ("[::1]", "0:0:0:0:0:0:0:1"), ("::", "0:0:0:0:0:0:0:0"),
        ("::ffff:127.0.0.1", "0:0:0:0:0:ffff:7f00:1"), ("::ffff:7f00:1", "0:0:0:0:0:ffff:7f00:1"),
        ("fe80::1%eth0", "fe80:0:0:0:0:0:0:1"), ("fd00:ec2::254", "fd00:ec2:0:0:0:0:0:254"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8:0:0:1:0:0:1"), ("1::", "1:0:0:0:0:0:0:0"),
    ])
    func ipv6IsRead(host: String, address: String) {
        #expect(IPAddress(host: host)?.description == address)
    }

    @Test(arguments: ["1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "::1.2.3", "::ffff:0177.0.0.1", "1.2.3.4::", "+1::"])
    func malformedIPv6IsNoAddress(host: String) {
        #expect(IPAddress(host: host) == nil)
    }

    @Test func resolvedBytesAreAddresses() {
        #expect(IPAddress(bytes: [127, 0, 0, 1]) == IPAddress(host: "127.0.0.1"))
        #expect(IPAddress(bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 169, 254, 169, 254]) == IPAddress(host: "::ffff:169.254.169.254"))
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test(arguments: [
        "169.254.169.254", "169.254.0.1", "0xa9fea9fe", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254", "100.100.100.200",
        "64:ff9b::a9fe:a9fe",
    ])
    func linkLocalAndMetadataAreRefusedEvenInTheSandbox(host: String) {
        #expect(Self.sandbox.refusal(forHost: host) != nil)
        #expect(Self.strict.refusal(forHost: host) != nil)
    }

    @Test(arguments: [
        "127.0.0.1", "127.255.0.9", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3",
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "fc00::1", "fd12::1", "100.64.0.1", "100.127.255.255", "0.0.0.0",
        "0", "::", "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255", "localhost", "LOCALHOST.", "api.localhost",
        "[::1]",
    ])
    func theInsideOfTheNetworkIsRefusedWithoutTheSandboxOnly(host: String) {
        #expect(Self.strict.refusal(forHost: host) != nil, "\(host)")
        #expect(Self.sandbox.refusal(forHost: host) == nil, "\(host)")
    }

    @Test(arguments: ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1", "example.com", "hooks.example.test", "1.2.3.4"])
    func publicAddressesAndNamesPass(host: String) {
        #expect(Self.strict.refusal(forHost: host) == nil)
    }

    @Test(arguments: [
        "http://127.0.0.1:18080/metrics", "http://169.254.169.254/latest/meta-data/", "http://2130706433/", "http://0x7f000001/",
        "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/", "http://[::1]:8080/", "http://localhost/",
        "ftp://example.com/", "http://user:pass@example.com/", "http://user@example.com/", "http://example.com:0/",
        "http://example.com:65536/", "http://example.com:x/", "https:///nohost", "example.com",
    ])
    func urlsIntoTheNetworkOrMalformedAreRefusedNamingURL(url: String) {
        #expect(throws: FanoutError.self) { try Self.strict.check(url: url) }
        do {
            _ = try Self.strict.check(url: url)
        } catch {
            if case .badRequest(_, let field, _) = error { #expect(field == "url") } else { Issue.record("\(error)") }
        }
    }

    @Test func urlsAreTakenApart() throws {
        #expect(try Self.strict.check(url: "HTTPS://hooks.example.com/fanout?x=1") == WebhookDestination(https: true, host: "hooks.example.com", port: 443))
        #expect(try Self.strict.check(url: "http://hooks.example.com:8080") == WebhookDestination(https: false, host: "hooks.example.com", port: 8080))
        #expect(try Self.sandbox.check(url: "http://127.0.0.1:9/hook") == WebhookDestination(https: false, host: "127.0.0.1", port: 9))
        #expect(throws: FanoutError.self) { try Self.sandbox.check(url: "http://169.254.169.254/") }
    }

    @Test func rangesContainTheirAddresses() throws {
        let range = try #require(IPAddressRange("172.16.0.0/12"))
        #expect(range.contains(try #require(IPAddress(host: "172.31.0.1"))))
        #expect(!range.contains(try #require(IPAddress(host: "172.32.0.1"))))
        #expect(!range.contains(try #require(IPAddress(host: "::ffff:172.16.0.1"))), "a family contains only its own")
        #expect(try #require(IPAddressRange("0.0.0.0/0")).contains(try #require(IPAddress(host: "8.8.8.8"))))
        #expect(IPAddressRange("10.0.0.0/33") == nil && IPAddressRange("::/129") == nil && IPAddressRange("10.0.0.0") == nil)
    }
}
