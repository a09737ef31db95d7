/// How a file is cut for upload: parts of `partSize` bytes (the last holds
/// the rest), `parts` of them; one part goes as one whole PUT.
struct UploadPlan: Sendable, Hashable {
    /// The API's most parts of one upload.
    static let maxParts = 10_000
    /// What the server advises when it does not say: S3's smallest part.
    static let defaultPartSize = 5 * 1024 * 1024

    var size: Int
    var partSize: Int
    var parts: Int

    /// The plan for `size` bytes (at least 1) from what init answered: its
    /// part size and part count are the server's word, so they are checked,
    /// not trusted (a part size of 0, a count that does not match the size,
    /// or more than 10,000 parts is an invalid response; a part size beyond
    /// the file is one part).
    init(size: Int, advisedPartSize: Int?, advisedParts: Int?) throws {
        guard size >= 1 else { throw FanoutClientError.invalidResponse(field: "size", value: String(size)) }
        self.size = size
        if let advisedPartSize {
            guard advisedPartSize >= 1 else {
                throw FanoutClientError.invalidResponse(field: Self.partSizeHeader, value: String(advisedPartSize))
            }
            partSize = min(advisedPartSize, size)
        } else if let advisedParts {
            guard (1...Self.maxParts).contains(advisedParts) else {
                throw FanoutClientError.invalidResponse(field: Self.totalPartsHeader, value: String(advisedParts))
            }
            partSize = Self.ceilingDivision(size, advisedParts)
        } else {
            partSize = max(Self.defaultPartSize, Self.ceilingDivision(size, Self.maxParts))
            partSize = min(partSize, size)
        }
        parts = Self.ceilingDivision(size, partSize)
        guard parts <= Self.maxParts else {
            throw FanoutClientError.invalidResponse(field: Self.partSizeHeader, value: "\(partSize) (\(parts) parts of a \(size)-byte file)")
        }
        if let advisedParts, advisedParts != parts {
            throw FanoutClientError.invalidResponse(
                field: Self.totalPartsHeader, value: "\(advisedParts) (parts of \(partSize) bytes make \(parts) of a \(size)-byte file)")
        }
    }

    /// Part `number` (from 1): where it starts and how long it is.
    func part(_ number: Int) -> (offset: Int, length: Int) {
        // number ≤ parts, so (number - 1) * partSize < size: no overflow.
        let offset = (number - 1) * partSize
        return (offset, min(partSize, size - offset))
    }

    /// ⌈a / b⌉ for a ≥ 1, b ≥ 1, without the overflow of `a + b - 1`.
    static func ceilingDivision(_ a: Int, _ b: Int) -> Int { (a - 1) / b + 1 }

    static let partSizeHeader = "x-ofauth-upload-part-size"
    static let totalPartsHeader = "x-ofauth-upload-total-parts"
}
