import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

extension AppConfiguration {
    /// HTTP/1 whose connections close after `idleTimeout` without a request
    /// under way: a client that opens sockets and sends nothing (or drips a
    /// request's head) does not keep them.
    var httpServer: HTTPServerBuilder {
        .http1(configuration: .init(idleTimeout: idleTimeout > .zero ? TimeAmount(idleTimeout) : nil))
    }

    /// Where to listen, and at most `maxConnections` client connections at
    /// once (Hummingbird's own cap: the server stops accepting at the cap, so
    /// further clients wait in the kernel's listen backlog until a connection
    /// closes, and past the backlog are refused).
    func serverConfiguration(logger: Logger) -> ApplicationConfiguration {
        .init(
            address: .hostname(host, port: port), serverName: "fanout",
            availableConnectionsDelegate: MaximumAvailableConnections(max(1, maxConnections), logger: logger))
    }
}
