import OpenAPIRuntime

extension FanoutClient {
    /// A generated operation's result, with the errors the middlewares threw
    /// as themselves (the runtime wraps them in `ClientError`).
    func call<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as ClientError {
            if let failure = error.underlyingError as? FanoutClientError { throw failure }
            if error.underlyingError is CancellationError { throw CancellationError() }
            throw error
        }
    }
}
