internal import Foundation
internal import OpenAPIRuntime

extension HTTPBody {
    /// This body, refused with `RESPONSE_TOO_LARGE` past `limit` bytes: the
    /// generated code reads a success whole into memory, and a server's
    /// answer is not trusted to be small.
    func limited(to limit: Int) throws -> HTTPBody {
        if case .known(let length) = length, length > Int64(limit) { throw FanoutClientError.responseTooLarge(limit: limit) }
        return HTTPBody(LimitedBytes(base: self, limit: limit), length: length, iterationBehavior: iterationBehavior)
    }
}

/// The chunks of a body, throwing once their total passes the limit.
struct LimitedBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let base: HTTPBody
    let limit: Int

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), limit: limit) }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator
        let limit: Int
        var seen = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let chunk = try await base.next() else { return nil }
            let (total, overflow) = seen.addingReportingOverflow(chunk.count)
            guard !overflow, total <= limit else { throw FanoutClientError.responseTooLarge(limit: limit) }
            seen = total
            return chunk
        }
    }
}

extension FanoutClientError {
    static func responseTooLarge(limit: Int) -> FanoutClientError {
        FanoutClientError(
            status: nil, code: "RESPONSE_TOO_LARGE", message: "The answer is larger than the client's limit of \(limit) bytes",
            requestID: nil, field: nil, allowed: "\(limit)", retryAfter: nil, underlying: nil)
    }
}
