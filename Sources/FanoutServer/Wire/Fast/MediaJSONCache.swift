import FanoutCore

/// Media objects as JSON bytes, by media id: media rows never change, and a
/// media object is most of a page's bytes.
final class MediaJSONCache: Sendable {
    private let entries: BoundedCache<Int64, [UInt8]>

    init(capacity: Int = 20_000) { entries = BoundedCache(capacity: capacity) }

    func bytes(of mediaID: Int64) -> [UInt8]? { entries.value(for: mediaID) }

    func store(_ bytes: [UInt8], of mediaID: Int64) { entries.insert(bytes, for: mediaID) }
}
