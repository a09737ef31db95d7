import FanoutAPI
import Foundation
import HTTPTypes
import Hummingbird

/// `/health`, the contract at `/openapi.json` (and `/openapi.yaml`), and
/// `/metrics` when metrics are on.
struct MetaController {
    let health: @Sendable () async throws -> Void
    let metrics: ServerMetrics?
    /// Brings the gauges up to date just before a scrape.
    let refreshGauges: @Sendable () async throws -> Void

    func register(on router: Router<FanoutRequestContext>) {
        let json = Result { try OpenAPIDocument.json() }
        router.get("health") { _, _ in
            try await health()
            return try JSONResponse.make(Components.Schemas.Health(status: "ok"))
        }
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try json.get())))
        }
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"],
                     body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.yaml())))
        }
        if let metrics {
            router.get("metrics") { _, _ in
                try await refreshGauges()
                return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
            }
        }
    }
}
