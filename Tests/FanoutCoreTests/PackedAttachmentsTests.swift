import FanoutCore
import Foundation
import Testing

/// `MediaCache.attachments`: both backends keep a message's attachments as a
/// packed list on its row (`mediaId * 2 + isPreview`); the list comes back in
/// order with previews marked, and a media item is fetched once, then cached.
@Suite struct PackedAttachmentsTests {
    static func media(_ id: Int64) -> Media {
        Media(id: id, creatorID: 1, kind: .photo, createdAt: Date(timeIntervalSince1970: 0), width: 1, height: 1, size: 1,
              fullURL: "https://x/\(id).jpg")
    }

    @Test func listsComeBackInOrderAndEachMediaIsFetchedOnce() throws {
        let cache = MediaCache()
        var fetched: [[Int64]] = []
        let packed: [[Int64]] = [[501 * 2 + 1, 500 * 2], [], [500 * 2 + 1, 999 * 2]]
        let first = cache.attachments(packed) { ids in
            fetched.append(ids.sorted())
            return ids.filter { $0 != 999 }.map(Self.media)  // 999 no longer exists
        }
        #expect(first.map { $0.map { "\($0.media.id)\($0.isPreview ? "p" : "")" } } == [["501p", "500"], [], ["500p"]])
        #expect(fetched == [[500, 501, 999]], "one fetch for all the lists")

        let second = cache.attachments([[500 * 2, 501 * 2]]) { ids in
            fetched.append(ids.sorted())
            return ids.map(Self.media)
        }
        #expect(second[0].map(\.media.id) == [500, 501])
        #expect(fetched.count == 1, "both were cached")
    }
}
