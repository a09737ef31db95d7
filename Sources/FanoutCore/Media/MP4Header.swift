/// Reads an MP4/MOV's movie length (`moov/mvhd`) and its first visual
/// track's size (`moov/trak/tkhd`), seeking from box header to box header.
enum MP4Header {
    static func read(size: Int, read: (Int, Int) throws -> [UInt8], into probe: inout MediaProbe) rethrows {
        guard let moov = try find("moov", in: 0..<size, read: read) else { return }
        var offset = moov.lowerBound
        for _ in 0..<256 where offset + 8 <= moov.upperBound {
            guard let box = try header(at: offset, limit: moov.upperBound, read: read) else { return }
            if box.type == "mvhd" {
                let content = try read(box.content.lowerBound, 32)
                let version1 = content.first == 1
                let timescale = Bytes.be32(content, version1 ? 20 : 12)
                let duration = version1 ? Bytes.be64(content, 24) : Bytes.be32(content, 16)
                if timescale > 0 { probe.duration = Double(duration) / Double(timescale) }
            } else if box.type == "trak", probe.width == 0,
                      let tkhd = try find("tkhd", in: box.content, read: read) {
                let content = try read(tkhd.lowerBound, 96)
                let at = content.first == 1 ? 88 : 76
                probe.width = Bytes.be32(content, at) >> 16
                probe.height = Bytes.be32(content, at + 4) >> 16
            }
            offset = box.content.upperBound
        }
    }

    /// The content range of the first box of `type` directly inside `range`.
    private static func find(_ type: String, in range: Range<Int>, read: (Int, Int) throws -> [UInt8]) rethrows -> Range<Int>? {
        var offset = range.lowerBound
        for _ in 0..<256 where offset + 8 <= range.upperBound {
            guard let box = try header(at: offset, limit: range.upperBound, read: read) else { return nil }
            if box.type == type { return box.content }
            offset = box.content.upperBound
        }
        return nil
    }

    private static func header(at offset: Int, limit: Int, read: (Int, Int) throws -> [UInt8]) rethrows
        -> (type: String, content: Range<Int>)? {
        let bytes = try read(offset, 16)
        guard bytes.count >= 8 else { return nil }
        let type = String(decoding: bytes[4..<8], as: UTF8.self)
        var length = Bytes.be32(bytes, 0), headerLength = 8
        if length == 1 { length = Bytes.be64(bytes, 8); headerLength = 16 } else if length == 0 { length = limit - offset }
        guard length >= headerLength, offset + length <= limit else { return nil }
        return (type, (offset + headerLength)..<(offset + length))
    }
}
