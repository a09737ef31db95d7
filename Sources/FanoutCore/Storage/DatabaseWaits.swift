/// How long storage calls wait for the database before their work begins:
/// for a reader or the writer on SQLite (the writer is where a fan-out and a
/// direct message meet), for a pooled connection on PostgreSQL. Neither GRDB
/// nor postgres-nio reports its pool's waits, so the stores time them, from
/// the call to the moment their closure runs.
public struct DatabaseWaits: Sendable {
    public enum Access: String, Sendable { case read, write }

    private let record: @Sendable (Access, Duration) -> Void

    public init(_ record: @escaping @Sendable (Access, Duration) -> Void) { self.record = record }

    public func record(_ access: Access, since start: ContinuousClock.Instant) { record(access, .now - start) }
}
