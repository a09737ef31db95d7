/// An IPv4 or IPv6 address, read from text the way the system's resolver
/// reads a numeric host (so that a webhook URL cannot spell an address in a
/// form this check misses but `getaddrinfo` understands), or from the bytes
/// of a resolved `sockaddr`. Pure: no I/O, no trapping arithmetic on input.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    case v6(UInt128)

    /// `host` as an address: an IPv4 number in any spelling `inet_aton`
    /// takes (`127.0.0.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`,
    /// `127.1`), or an IPv6 literal, with or without brackets (a zone,
    /// `%eth0`, is ignored). One trailing dot is ignored too: refusing a
    /// spelling the resolver might not take costs nothing. nil: a name.
    public init?(host: String) {
        var text = Substring(host)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if text.contains(":") {
            if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
            guard let value = Self.parseIPv6(text) else { return nil }
            self = .v6(value)
            return
        }
        if text.hasSuffix(".") { text = text.dropLast() }
        guard let value = Self.parseIPv4(text) else { return nil }
        self = .v4(value)
    }

    /// The address in 4 or 16 bytes (network order); nil for another count.
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16: self = .v6(bytes.reduce(0) { $0 << 8 | UInt128($1) })
        default: return nil
        }
    }

    /// The IPv4 address an IPv6 one stands for: IPv4-mapped
    /// (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, deprecated but
    /// still an IPv4 address to some stacks) and NAT64's well-known prefix
    /// (`64:ff9b::a.b.c.d`, which a NAT64 gateway forwards to that address).
    public var embeddedIPv4: UInt32? {
        guard case .v6(let value) = self else { return nil }
        let high = value >> 32, low = UInt32(truncatingIfNeeded: value)
        switch high {
        case 0xffff, 0x64_ff9b_0000_0000_0000_0000: return low
        case 0 where low > 1: return low  // not :: or ::1, which are IPv6's own
        default: return nil
        }
    }

    /// Dotted quad, or eight hexadecimal groups (uncompressed: any IPv6
    /// parser takes it).
    public var description: String {
        switch self {
        case .v4(let value):
            return (0..<4).map { String(value >> (24 - 8 * UInt32($0)) & 0xff) }.joined(separator: ".")
        case .v6(let value):
            return (0..<8).map { String(UInt16(truncatingIfNeeded: value >> (112 - 16 * UInt128($0))), radix: 16) }.joined(separator: ":")
        }
    }

    /// `inet_aton`: one to four parts separated by dots, each decimal, octal
    /// (leading 0) or hexadecimal (0x); the last part fills the bytes the
    /// others left (`127.1` is 127.0.0.1, `2130706433` is one 32-bit part).
    static func parseIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt32] = []
        for part in parts {
            guard let value = parseIPv4Part(part) else { return nil }
            values.append(value)
        }
        let last = values.removeLast()
        for value in values where value > 0xff { return nil }
        // The last part takes the bytes the leading parts did not.
        let lastBits = 32 - 8 * UInt32(values.count)
        guard lastBits == 32 || last < (1 << lastBits) else { return nil }
        var result: UInt32 = 0
        for (index, value) in values.enumerated() { result |= value << (24 - 8 * UInt32(index)) }
        return result | last
    }

    private static func parseIPv4Part(_ part: Substring) -> UInt32? {
        guard let first = part.first, first.isASCII, first.isNumber else { return nil }
        var digits = part, radix: UInt32 = 10
        if part.hasPrefix("0x") || part.hasPrefix("0X") {
            digits = part.dropFirst(2)
            radix = 16
        } else if part.hasPrefix("0") {
            digits = part.dropFirst()
            radix = 8
        }
        // As inet_aton: "0x" alone is 0.
        var value: UInt32 = 0
        for character in digits {
            guard character.isASCII, let digit = character.hexDigitValue, UInt32(digit) < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(UInt32(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// RFC 4291 text: up to eight groups of 1–4 hex digits, one `::` for a
    /// run of zeros, and optionally a dotted quad (strict decimal, as
    /// `inet_pton` takes it) as the last 32 bits.
    static func parseIPv6(_ text: Substring) -> UInt128? {
        guard !text.isEmpty, text.count <= 64 else { return nil }
        var head = text, tail: Substring? = nil
        if let gap = text.firstRange(of: "::") {
            head = text[..<gap.lowerBound]
            tail = text[gap.upperBound...]
        }
        // A dotted quad may only end the address.
        func groups(_ half: Substring, last: Bool) -> [UInt16]? {
            if half.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if last, index == pieces.count - 1, piece.contains(".") {
                    guard let quad = parseDottedQuad(piece) else { return nil }
                    result += [UInt16(truncatingIfNeeded: quad >> 16), UInt16(truncatingIfNeeded: quad)]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                          let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        guard let first = groups(head, last: tail == nil) else { return nil }
        var second: [UInt16] = []
        if let tail {
            guard let parsed = groups(tail, last: true), first.count + parsed.count <= 7 else { return nil }
            second = parsed
        } else {
            guard first.count == 8 else { return nil }
        }
        let all = first + Array(repeating: 0, count: 8 - first.count - second.count) + second
        return all.reduce(0) { $0 << 16 | UInt128($1) }
    }

    /// Four decimal numbers of at most 255, no leading zeros, no other spelling.
    private static func parseDottedQuad(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || !part.hasPrefix("0"), let byte = UInt32(part), byte <= 255 else { return nil }
            result = result << 8 | byte
        }
        return result
    }
}

/// A block of addresses (`10.0.0.0/8`, `fe80::/10`).
public struct IPAddressRange: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// `address/prefix`; nil when either part is not valid.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(host: String(parts[0])), let length = Int(parts[1]), length >= 0 else { return nil }
        switch address {
        case .v4: guard length <= 32 else { return nil }
        case .v6: guard length <= 128 else { return nil }
        }
        self.address = address
        self.prefixLength = length
    }

    public func contains(_ candidate: IPAddress) -> Bool {
        switch (address, candidate) {
        case (.v4(let base), .v4(let value)):
            let mask: UInt32 = prefixLength == 0 ? 0 : ~0 << UInt32(32 - prefixLength)
            return base & mask == value & mask
        case (.v6(let base), .v6(let value)):
            let mask: UInt128 = prefixLength == 0 ? 0 : ~0 << UInt128(128 - prefixLength)
            return base & mask == value & mask
        default:
            return false
        }
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
