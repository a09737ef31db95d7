import HTTPTypes
import Hummingbird
import Synchronization

/// The routes the server answers, as the router lists them, so that a
/// request the router does not match can be told apart: wrong method on a
/// known path (405 with `Allow`) or no such path (404 ROUTE_NOT_FOUND).
/// `ErrorMiddleware` holds it before any route exists; `buildRouter` loads
/// it from `router.routes` once every route is registered.
final class RouteTable: Sendable {
    private struct Route: Sendable {
        var path: [RouterPath.Element]
        var method: HTTPRequest.Method
        /// Which segments are parameters, as 0/1 (a constant equals its own text, a parameter no text).
        var shape: [Int]
    }

    private let routes = Mutex<[Route]>([])

    /// Replaces the table with `routes` (the router's own list).
    func load<Context: RequestContext>(_ routes: [Router<Context>.RouteDescription]) {
        let table = routes.map { route in
            Route(path: route.path.components, method: route.method, shape: route.path.components.map { $0 == $0.description ? 0 : 1 })
        }
        self.routes.withLock { $0 = table }
    }

    /// Methods served at `path`, empty when no route has that shape. As the
    /// router does, a constant segment wins over a parameter: the methods of
    /// `/mass-messages/scheduled` are its own, not those of `/:massMessageId`.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        let matching = routes.withLock { routes in
            routes.filter { route in
                route.path.count == segments.count && zip(route.path, segments).allSatisfy { $0 ~= $1 }
            }
        }
        // The most specific shape is the smallest.
        guard let best = matching.map(\.shape).min(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        return matching.filter { $0.shape == best }.map(\.method)
    }
}
