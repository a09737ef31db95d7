import FanoutCore
import Hummingbird

/// Per-request state: the request id and, once authenticated, the connection.
public struct FanoutRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let requestID: String
    public var connection: Connection?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = Self.makeRequestID()
        connection = nil
    }

    /// The authenticated connection, if it holds `permission`.
    public func connection(requiring permission: Permission) throws(FanoutError) -> Connection {
        guard let connection else { throw .sessionNotProvided }
        try connection.require(permission)
        return connection
    }

    static func makeRequestID() -> String {
        var rng = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        return "req_" + String((0..<20).map { _ in hex.randomElement(using: &rng)! })
    }
}
