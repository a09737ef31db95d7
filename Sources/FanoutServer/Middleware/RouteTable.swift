import HTTPTypes
import Hummingbird
import Synchronization

/// The routes the server answers, as registered, so that a request the router
/// does not match can be told apart: wrong method on a known path (405 with
/// `Allow`) or no such path (404 ROUTE_NOT_FOUND).
final class RouteTable: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: HTTPRequest.Method)]>([])

    func record(_ path: String, _ method: HTTPRequest.Method) {
        let segments = path.split(separator: "/")
        routes.withLock { $0.append((segments, method)) }
    }

    /// Methods served at `path`, empty when no route has that shape.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        return routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            }.map(\.method)
        }
    }
}

extension RouterMethods {
    /// Registers a route and records it in `routes`.
    @discardableResult
    func on(
        _ path: String, method: HTTPRequest.Method, routes: RouteTable, prefix: String = "",
        use handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) -> Self {
        routes.record(prefix + "/" + path, method)
        return on(RouterPath(path), method: method, use: handler)
    }
}
