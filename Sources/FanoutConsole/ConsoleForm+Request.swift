import Hummingbird

extension ConsoleForm {
    /// The form of a request's body, at most 64 KiB.
    init(_ request: Request) async throws {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        self.init(encoded: String(buffer: body))
    }
}
