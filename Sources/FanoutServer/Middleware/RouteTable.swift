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

    /// Methods served at `path`, empty when no route has that shape. As the
    /// router does, a constant segment wins over a parameter: the methods of
    /// `/mass-messages/scheduled` are its own, not those of `/:massMessageId`.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        let matching = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            }
        }
        // Which segments are parameters, as 0/1; the most specific shape is the smallest.
        func shape(_ segments: [Substring]) -> [Int] { segments.map { $0.hasPrefix(":") ? 1 : 0 } }
        guard let best = matching.map({ shape($0.segments) }).min(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        return matching.filter { shape($0.segments) == best }.map(\.method)
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
