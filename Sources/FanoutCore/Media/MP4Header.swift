/// Reads an MP4/MOV's movie length (`moov/mvhd`) and its first visual
/// track's size (`moov/trak/tkhd`), seeking from box header to box header.
enum MP4Header {
    static func read(size: Int, read: (Int, Int) throws -> [UInt8], into probe: inout MediaProbe) rethrows {
        guard let moov = try boxes(in: 0..<size, read: read).first(where: { $0.type == "moov" }) else { return }
        for box in try boxes(in: moov.content, read: read) {
            if box.type == "mvhd" {
                let content = try read(box.content.lowerBound, 32)
                let version1 = content.first == 1
                let timescale = Bytes.be32(content, version1 ? 20 : 12)
                let duration = version1 ? Bytes.be64(content, 24) : Bytes.be32(content, 16)
                if timescale > 0 { probe.duration = Double(duration) / Double(timescale) }
            } else if box.type == "trak", probe.width == 0,
                      let tkhd = try boxes(in: box.content, read: read).first(where: { $0.type == "tkhd" }) {
                let content = try read(tkhd.content.lowerBound, 96)
                let at = content.first == 1 ? 88 : 76
                probe.width = Bytes.be32(content, at) >> 16
                probe.height = Bytes.be32(content, at + 4) >> 16
            }
        }
    }

    /// The boxes directly inside `range` (at most 256; a malformed header ends the walk).
    private static func boxes(in range: Range<Int>, read: (Int, Int) throws -> [UInt8]) rethrows
        -> [(type: String, content: Range<Int>)] {
        var result: [(type: String, content: Range<Int>)] = []
        var offset = range.lowerBound
        while result.count < 256, offset + 8 <= range.upperBound {
            let bytes = try read(offset, 16)
            guard bytes.count >= 8 else { break }
            var length = Bytes.be32(bytes, 0), headerLength = 8
            if length == 1 { length = Bytes.be64(bytes, 8); headerLength = 16 } else if length == 0 { length = range.upperBound - offset }
            guard length >= headerLength, offset + length <= range.upperBound else { break }
            result.append((String(decoding: bytes[4..<8], as: UTF8.self), (offset + headerLength)..<(offset + length)))
            offset += length
        }
        return result
    }
}
