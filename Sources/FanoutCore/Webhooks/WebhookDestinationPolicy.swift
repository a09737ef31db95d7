/// Where webhooks may be posted. A receiver's status comes back in the
/// deliveries list, so an endpoint inside the server's network would make
/// the sender a port scanner for any tenant. Link-local addresses (cloud
/// metadata services live there) are refused always; loopback, private,
/// shared (CGNAT), unspecified, multicast and reserved addresses unless
/// `allowsPrivate` (the sandbox, where developers' receivers live, or
/// `--allow-private-webhooks`). Checked on the URL when an endpoint is
/// registered and again on every address its host resolves to when a
/// delivery connects (a DNS answer can change between the two).
public struct WebhookDestinationPolicy: Sendable, Equatable {
    public var allowsPrivate: Bool

    public init(allowsPrivate: Bool) {
        self.allowsPrivate = allowsPrivate
    }

    /// The server's policy: private destinations with the sandbox on or when the operator allows them.
    public init(sandboxEnabled: Bool, allowPrivateWebhooks: Bool) {
        self.init(allowsPrivate: sandboxEnabled || allowPrivateWebhooks)
    }

    /// Never a destination: link-local, and the metadata addresses outside it
    /// (AWS's IPv6 one is in fc00::/7, Alibaba's in 100.64/10).
    static let alwaysRefused: [(IPAddressRange, String)] = ranges([
        ("169.254.0.0/16", "link-local"), ("fe80::/10", "link-local"),
        ("fd00:ec2::254/128", "a cloud metadata address"), ("100.100.100.200/32", "a cloud metadata address"),
    ])

    /// Inside the network: refused unless `allowsPrivate`.
    static let internalRanges: [(IPAddressRange, String)] = ranges([
        ("0.0.0.0/8", "unspecified"), ("127.0.0.0/8", "loopback"), ("10.0.0.0/8", "private"), ("172.16.0.0/12", "private"),
        ("192.168.0.0/16", "private"), ("100.64.0.0/10", "shared (CGNAT)"), ("192.0.0.0/24", "IETF protocol assignments"),
        ("198.18.0.0/15", "benchmarking"), ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved or broadcast"),
        ("::/128", "unspecified"), ("::1/128", "loopback"), ("fc00::/7", "private (unique local)"), ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"), ("100::/64", "discard-only"),
    ])

    private static func ranges(_ list: [(String, String)]) -> [(IPAddressRange, String)] {
        list.compactMap { text, kind in IPAddressRange(text).map { ($0, kind) } }
    }

    /// Why `address` may not be a destination (e.g. "loopback"); nil: it may.
    /// An IPv6 address that stands for an IPv4 one is judged as that one too.
    public func refusal(for address: IPAddress) -> String? {
        var candidates = [address]
        if let embedded = address.embeddedIPv4 { candidates.append(.v4(embedded)) }
        for candidate in candidates {
            if let kind = Self.alwaysRefused.first(where: { $0.0.contains(candidate) })?.1 { return kind }
            if !allowsPrivate, let kind = Self.internalRanges.first(where: { $0.0.contains(candidate) })?.1 { return kind }
        }
        return nil
    }

    /// Why a URL's `host` may not be a destination, as far as the text
    /// tells: an address in any spelling the resolver reads, and `localhost`
    /// (with its subdomains, RFC 6761) as loopback. Other names are judged
    /// on what they resolve to, when a delivery connects.
    public func refusal(forHost host: String) -> String? {
        if let address = IPAddress(host: host) { return refusal(for: address) }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if !allowsPrivate, name == "localhost" || name.hasSuffix(".localhost") { return "loopback" }
        return nil
    }

    /// A URL's parts as a client connects to them, or why it cannot be a
    /// webhook destination: `http` or `https`, a host, no user or password
    /// (they would be sent in the clear to whoever answers), a port that is
    /// a port, and a host `refusal(forHost:)` allows.
    public func check(url text: String) throws(FanoutError) -> WebhookDestination {
        let refused = { (reason: String) in FanoutError.badRequest("url \(reason)", field: "url") }
        guard let schemeEnd = text.firstRange(of: "://") else { throw refused("must be an http or https URL with a host") }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw refused("must be an http or https URL with a host") }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex)]
        guard !authority.contains("@") else { throw refused("may not carry a user name or password") }
        var host = authority, port: Int? = nil
        if let close = authority.lastIndex(of: "]"), authority.hasPrefix("[") {
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refused("must be an http or https URL with a host") }
                port = Self.port(after.dropFirst())
                guard port != nil else { throw refused("has a port that is not a port number") }
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = Self.port(authority[authority.index(after: colon)...])
            guard port != nil else { throw refused("has a port that is not a port number") }
        }
        guard !host.isEmpty else { throw refused("must be an http or https URL with a host") }
        if let reason = refusal(forHost: String(host)) {
            let anyway = WebhookDestinationPolicy(allowsPrivate: true).refusal(forHost: String(host)) == nil
            throw refused("may not reach \(host): \(reason)" + (anyway ? " (allowed with --allow-private-webhooks)" : ""))
        }
        return WebhookDestination(https: scheme == "https", host: String(host), port: port ?? (scheme == "https" ? 443 : 80))
    }

    private static func port(_ text: Substring) -> Int? {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(text), (1...65_535).contains(port) else {
            return nil
        }
        return port
    }
}

/// Where a webhook URL points: what its host is to be resolved from.
public struct WebhookDestination: Sendable, Equatable {
    public var https: Bool
    /// As written (brackets kept around an IPv6 literal).
    public var host: String
    public var port: Int

    public init(https: Bool, host: String, port: Int) {
        self.https = https
        self.host = host
        self.port = port
    }
}
