internal import Foundation

/// Bytes `offset..<offset + length` of a file, read from disk a chunk at a
/// time as they are sent (a large part is never whole in memory). Each
/// iteration opens the file anew, so a retried request reads it again.
struct FileSlice: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    static let chunkSize = 256 * 1024

    let url: URL
    let offset: Int
    let length: Int

    func makeAsyncIterator() -> Iterator { Iterator(slice: self, remaining: length) }

    struct Iterator: AsyncIteratorProtocol {
        let slice: FileSlice
        var remaining: Int
        var handle: FileHandle?

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard remaining > 0 else {
                try? handle?.close()
                handle = nil
                return nil
            }
            let file: FileHandle
            if let handle { file = handle } else {
                file = try FileHandle(forReadingFrom: slice.url)
                try file.seek(toOffset: UInt64(slice.offset))
                handle = file
            }
            let data = try file.read(upToCount: Swift.min(remaining, FileSlice.chunkSize)) ?? Data()
            guard !data.isEmpty, data.count <= remaining else {
                throw FanoutClientError.invalidFile(
                    slice.url, reason: "is shorter than the \(slice.offset + slice.length) bytes it had when its upload began")
            }
            remaining -= data.count
            return ArraySlice(data)
        }
    }
}

extension FanoutClientError {
    /// A file that cannot be uploaded as it is (it got shorter while it was sent).
    static func invalidFile(_ url: URL, reason: String) -> FanoutClientError {
        FanoutClientError(
            status: nil, code: "INVALID_FILE", message: "\(url.lastPathComponent) \(reason)",
            requestID: nil, field: nil, allowed: nil, retryAfter: nil, underlying: nil)
    }
}
