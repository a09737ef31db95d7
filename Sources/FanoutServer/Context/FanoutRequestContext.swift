import FanoutCore
import Hummingbird
import NIOCore

/// Per-request state: the request id and, once authenticated, the
/// connection (or for `/webhooks`, the organization alone).
public struct FanoutRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let requestID: String
    public var connection: Connection?
    public var organizationID: Int64?
    /// The TCP connection, read only when its peer's address is wanted.
    private let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = Self.makeRequestID()
        connection = nil
        channel = source.channel
    }

    /// The peer of the TCP connection (a proxy's, behind one).
    public var remoteAddress: SocketAddress? { channel.remoteAddress }

    /// What failed authentications are counted by (see `ClientAddress`).
    public var clientAddress: String? { ClientAddress.key(remoteAddress) }

    /// The authenticated connection, if it holds `permission`.
    public func connection(requiring permission: Permission) throws(FanoutError) -> Connection {
        guard let connection else { throw .sessionNotProvided }
        try connection.require(permission)
        return connection
    }

    /// "req_" and 20 random hex digits, from two draws of the system
    /// generator (one draw per digit cost a system call each).
    static func makeRequestID() -> String {
        var rng = SystemRandomNumberGenerator()
        let high = UInt64.random(in: 0..<(1 << 16), using: &rng), low = rng.next() as UInt64
        let hex = Array("0123456789abcdef".utf8)
        var bytes = Array("req_".utf8)
        bytes.reserveCapacity(24)
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int(high >> UInt64(shift) & 0xF)]) }
        for shift in stride(from: 60, through: 0, by: -4) { bytes.append(hex[Int(low >> UInt64(shift) & 0xF)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
