/// `base`'s chunks, passed through; `renew` runs whenever `every` has
/// passed since the start or its last run, so that a part streaming in for
/// long keeps its reservation live (`UploadAllowance.reservationLease`).
struct RenewingChunks<Base: AsyncSequence>: AsyncSequence {
    typealias Element = Base.Element
    let base: Base
    let every: Duration
    let renew: @Sendable () async -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let every: Duration
        let renew: @Sendable () async -> Void
        var last = ContinuousClock.now

        mutating func next() async throws -> Element? {
            let element = try await base.next()
            if element != nil, ContinuousClock.now - last >= every {
                await renew()
                last = ContinuousClock.now
            }
            return element
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), every: every, renew: renew)
    }
}
