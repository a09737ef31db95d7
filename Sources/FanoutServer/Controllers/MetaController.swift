import FanoutAPI
import Foundation
import HTTPTypes
import Hummingbird

/// `/health` and the contract at `/openapi.json` (and `/openapi.yaml`).
struct MetaController {
    let health: @Sendable () async throws -> Void

    func register(on router: Router<FanoutRequestContext>, routes: RouteTable) {
        let json = Result { try OpenAPIDocument.json() }
        router.on("health", method: .get, routes: routes) { _, _ in
            try await health()
            return try JSONResponse.make(Components.Schemas.Health(status: "ok"))
        }
        router.on("openapi.json", method: .get, routes: routes) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try json.get())))
        }
        router.on("openapi.yaml", method: .get, routes: routes) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"],
                     body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.yaml())))
        }
    }
}
