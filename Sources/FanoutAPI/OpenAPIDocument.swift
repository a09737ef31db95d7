import Foundation
import Yams

/// The contract this server implements, as shipped in the `FanoutAPI` bundle.
///
/// The same `openapi.yaml` generates the wire types, so what `/openapi.json`
/// serves is exactly what the server encodes.
public enum OpenAPIDocument {
    public enum LoadError: Error { case missingResource, notAnObject }

    /// The YAML text of the document.
    public static func yaml() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw LoadError.missingResource
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The document as JSON bytes, for `GET /openapi.json`.
    public static func json() throws -> Data {
        guard let object = try Yams.load(yaml: yaml()) as? [String: Any] else { throw LoadError.notAnObject }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
