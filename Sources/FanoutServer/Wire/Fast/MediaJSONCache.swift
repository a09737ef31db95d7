import Synchronization

/// Media objects as JSON bytes, by media id: media rows never change, and a
/// media object is most of a page's bytes. Bounded: emptied when full.
final class MediaJSONCache: Sendable {
    private let entries = Mutex<[Int64: [UInt8]]>([:])
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    func bytes(of mediaID: Int64) -> [UInt8]? { entries.withLock { $0[mediaID] } }

    func store(_ bytes: [UInt8], of mediaID: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[mediaID] = bytes
        }
    }
}
