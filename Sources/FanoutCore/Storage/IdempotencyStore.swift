import Foundation

/// The ledger of `Idempotency-Key`s: one row per connection and key, taken
/// when a request starts, marked written in the same transaction as the
/// request's write, and holding the answer once it has one.
public protocol IdempotencyStore: Sendable {
    /// Takes `key` for a request, or says why not. A key older than
    /// `IdempotencyKey.retention` counts as unused; one held longer than
    /// `IdempotencyKey.lease` by a request that wrote nothing is taken over.
    func beginIdempotentRequest(
        connectionID: String, key: IdempotencyKey, fingerprint: [UInt8], at now: Date
    ) async throws -> IdempotencyBegin

    /// Stores the answer of the request holding `claim`, for replays.
    func finishIdempotentRequest(_ claim: IdempotencyClaim, response: StoredResponse) async throws

    /// Gives the key back when the request wrote nothing (it failed before
    /// writing: a repeat runs anew); false when it had written.
    func releaseIdempotentRequest(_ claim: IdempotencyClaim) async throws -> Bool

    /// Forgets keys taken before `date`; how many.
    @discardableResult
    func purgeIdempotencyKeys(takenBefore date: Date) async throws -> Int
}

/// A request's hold on its key. While the request runs, `current` carries it
/// to every storage write transaction, which marks the key written in that
/// same transaction — or fails, writing nothing, when the hold was lost.
/// A task-local, as swift-distributed-tracing carries its context: the claim
/// belongs to the request's task, and no store method grows a parameter for it.
public struct IdempotencyClaim: Sendable, Hashable {
    public let connectionID: String
    public let key: IdempotencyKey
    /// This attempt's; a takeover replaces it, and the old attempt's writes then fail.
    public let token: String

    public init(connectionID: String, key: IdempotencyKey, token: String) {
        self.connectionID = connectionID
        self.key = key
        self.token = token
    }

    @TaskLocal public static var current: IdempotencyClaim?

    /// Why a write of a request that lost its key to a takeover failed.
    public static let lostMessage =
        "Another request with this Idempotency-Key took it over while this one ran; this one wrote nothing"
}

/// What a repeat of a key finds.
public enum IdempotencyBegin: Sendable, Equatable {
    /// The key is this request's: run it.
    case proceed(IdempotencyClaim)
    /// The same request ran before: its answer.
    case replay(StoredResponse)
    /// The key was used for a different request.
    case mismatch
    /// The same request is still running.
    case inProgress
    /// The same request wrote, and its server stopped before recording the
    /// answer: it is not run again, and there is nothing to replay.
    case answerLost
}

/// An answer kept for replays.
public struct StoredResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// A key's row as a store reads it, and the one rule both backends follow
/// for a new request that finds it.
public struct IdempotencyRecord: Sendable {
    public var fingerprint: [UInt8]
    /// When the key was (last) taken.
    public var takenAt: Date
    public var written: Bool
    public var response: StoredResponse?

    public init(fingerprint: [UInt8], takenAt: Date, written: Bool, response: StoredResponse?) {
        self.fingerprint = fingerprint
        self.takenAt = takenAt
        self.written = written
        self.response = response
    }

    /// What a request with `fingerprint` at `now` gets; nil: the key is free
    /// for it to take (expired, or held by a request that stopped without writing).
    public func verdict(fingerprint: [UInt8], at now: Date) -> IdempotencyBegin? {
        if takenAt <= now.addingTimeInterval(-IdempotencyKey.retention) { return nil }
        guard fingerprint == self.fingerprint else { return .mismatch }
        if let response { return .replay(response) }
        let leaseOver = takenAt <= now.addingTimeInterval(-IdempotencyKey.lease)
        if written { return leaseOver ? .answerLost : .inProgress }
        return leaseOver ? nil : .inProgress
    }
}
