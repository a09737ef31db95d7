import FanoutAPI
import FanoutCore
@testable import FanoutServer
import FanoutTestSupport
import Foundation
import Testing

/// The API the server serves is the one its contract describes: every path
/// and method of `/openapi.json` is a route, and every route is in it but
/// for the few that are deliberately not part of the OFAuth API.
@Suite struct RoutesMatchContractTests {
    /// Routes served outside the contract, and why.
    static let notInTheContract: [String: String] = [
        "/openapi.json": "the contract itself",
        "/openapi.yaml": "the contract itself, as written",
        "/metrics": "Prometheus text for operators, not an API call",
        "/sandbox/": "the sandbox's simulated fans and clock: a test harness, off in production",
    ]

    @Test func everyRouteIsInTheContractAndEveryOperationIsARoute() async throws {
        try await TestWorld.with(.sqlite, metrics: ServerMetrics()) { world in
            // The console (HTML for people, not an API) is left out here: it is not registered without simulations.
            let router = buildRouter(dependencies: world.dependencies, sandbox: true, console: nil)
            let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
            func isOutside(_ route: String) -> Bool { Self.notInTheContract.keys.contains { route.split(separator: " ")[1].hasPrefix($0) } }
            let outside = served.filter(isOutside)
            for path in Self.notInTheContract.keys {
                #expect(outside.contains { $0.split(separator: " ")[1].hasPrefix(path) }, "\(path), an exception, is served")
            }

            let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
            let described = Set(paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })

            #expect(served.subtracting(outside).subtracting(described).sorted() == [], "served, missing from openapi.yaml")
            #expect(described.subtracting(served).sorted() == [], "in openapi.yaml, not served")
        }
    }
}
