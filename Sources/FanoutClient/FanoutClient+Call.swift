internal import OpenAPIRuntime

extension FanoutClient {
    /// A generated operation's result, every failure a ``FanoutClientError``:
    /// the middlewares' errors as themselves (the runtime wraps them in
    /// `ClientError`), and an answer the generated code could not read (a
    /// body or header that breaks the contract) as `INVALID_RESPONSE`.
    func call<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as ClientError {
            if let failure = error.underlyingError as? FanoutClientError { throw failure }
            if error.underlyingError is CancellationError { throw CancellationError() }
            throw FanoutClientError(
                status: error.response?.status, code: "INVALID_RESPONSE",
                message: "The answer to \(error.operationID) could not be read: \(error.causeDescription)",
                requestID: error.response?.headerFields[.init("x-request-id")!], field: nil, allowed: nil, retryAfter: nil,
                underlying: error.underlyingError)
        } catch let error as FanoutClientError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The generated `.ok`/`.created` accessors throw the runtime's own
            // (internal) error for a 2xx the contract does not list.
            throw FanoutClientError(
                status: nil, code: "INVALID_RESPONSE", message: "The answer could not be read: \(error)",
                requestID: nil, field: nil, allowed: nil, retryAfter: nil, underlying: error)
        }
    }
}
