@testable import FanoutCore
import Testing

@Suite struct MediaProbeTests {
    static func probe(_ bytes: [UInt8]) -> MediaProbe? {
        MediaProbe.probe(size: bytes.count) { offset, count in
            offset >= bytes.count ? [] : Array(bytes[offset..<min(offset + count, bytes.count)])
        }
    }

    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value) }
    static func box(_ type: String, _ content: [UInt8]) -> [UInt8] { be32(8 + content.count) + Array(type.utf8) + content }

    @Test func jpegSizeComesFromItsFrameHeaderAfterOtherSegments() {
        let app0 = [0xFF, 0xE0] + Self.be16(16) + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        let exif = [0xFF, 0xE1] + Self.be16(2 + 3_000) + [UInt8](repeating: 0x45, count: 3_000)
        let sof = [0xFF, 0xC2] + Self.be16(17) + [8] + Self.be16(1_080) + Self.be16(1_920) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        let probe = Self.probe([0xFF, 0xD8] + app0 + exif + sof + [0xFF, 0xD9])
        #expect(probe == MediaProbe(kind: .photo, contentType: "image/jpeg", width: 1_920, height: 1_080))
    }

    @Test func pngAndGifSizesComeFromTheirHeaders() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.be32(13) + Array("IHDR".utf8)
            + Self.be32(640) + Self.be32(480) + [8, 2, 0, 0, 0]
        #expect(Self.probe(png) == MediaProbe(kind: .photo, contentType: "image/png", width: 640, height: 480))
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00] + [UInt8](repeating: 0, count: 20)
        #expect(Self.probe(gif) == MediaProbe(kind: .gif, contentType: "image/gif", width: 320, height: 240))
    }

    @Test func mp4SizeAndLengthComeFromItsMovieBoxEvenAtTheEnd() {
        let ftyp = Self.box("ftyp", Array("isom".utf8) + Self.be32(512) + Array("isommp41".utf8))
        let mdat = Self.box("mdat", [UInt8](repeating: 7, count: 50_000))
        let mvhd = Self.box("mvhd", [0, 0, 0, 0] + Self.be32(0) + Self.be32(0) + Self.be32(1_000) + Self.be32(5_500)
                            + [UInt8](repeating: 0, count: 80))
        var tkhd: [UInt8] = [0, 0, 0, 3] + [UInt8](repeating: 0, count: 72)
        tkhd += Self.be32(1_920 << 16) + Self.be32(1_080 << 16)
        let sound = Self.box("trak", Self.box("tkhd", [0, 0, 0, 3] + [UInt8](repeating: 0, count: 80)))
        let video = Self.box("trak", Self.box("tkhd", tkhd))
        let file = ftyp + mdat + Self.box("moov", mvhd + sound + video)
        #expect(Self.probe(file) == MediaProbe(kind: .video, contentType: "video/mp4", width: 1_920, height: 1_080, duration: 5.5))
    }

    @Test func otherFormatsAreToldByTheirFirstBytes() {
        let padding = [UInt8](repeating: 0, count: 40)
        #expect(Self.probe(Array("ID3".utf8) + [4, 0, 0] + padding)?.contentType == "audio/mpeg")
        #expect(Self.probe(Array("OggS".utf8) + padding)?.kind == .audio)
        #expect(Self.probe([0x1A, 0x45, 0xDF, 0xA3] + padding)?.kind == .video)
        let webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
            + [0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00] + padding
        #expect(Self.probe(webp) == MediaProbe(kind: .photo, contentType: "image/webp", width: 640, height: 480))
        #expect(Self.probe(Array("%PDF-1.7".utf8) + padding) == nil)
        #expect(Self.probe([1, 2, 3]) == nil)
    }

    @Test func anMP4BoxWhoseSizeRunsPastTheFileIsNotAnMP4() {
        // Issue 29, item 1: this 40-byte upload stopped the server (an overflow adding the box's 64-bit size).
        let file: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)
            + [0, 0, 0, 1] + Array("free".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(file.count == 40)
        #expect(Self.probe(file) == nil)
        // The same with a size of -1 (all bits set), of 2^32 - 1 (32-bit), and inside moov.
        var negative = file
        negative.replaceSubrange(32..<40, with: [UInt8](repeating: 0xFF, count: 8))
        #expect(Self.probe(negative) == nil)
        let ftyp = Self.box("ftyp", Array("isom".utf8) + Self.be32(512) + Array("isommp41".utf8))
        #expect(Self.probe(ftyp + [0xFF, 0xFF, 0xFF, 0xFF] + Array("mdat".utf8)) == nil)
        let badMoov = Self.box("moov", [0, 0, 0, 1] + Array("mvhd".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0])
        #expect(Self.probe(ftyp + badMoov) == nil)
    }

    @Test func aNegativeMovieLengthIsNoLength() {
        let ftyp = Self.box("ftyp", Array("isom".utf8) + Self.be32(512) + Array("isommp41".utf8))
        let mvhd = Self.box("mvhd", [1, 0, 0, 0] + [UInt8](repeating: 0, count: 16) + Self.be32(600)
                            + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 80))
        let probe = Self.probe(ftyp + Self.box("moov", mvhd))
        #expect(probe?.kind == .video && probe?.duration == nil)
    }

    @Test func pixelSizesPast32BitsAreNotBelieved() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.be32(13) + Array("IHDR".utf8)
            + [0xFF, 0xFF, 0xFF, 0xFF] + Self.be32(480) + [8, 2, 0, 0, 0]
        #expect(Self.probe(png) == MediaProbe(kind: .photo, contentType: "image/png", width: 0, height: 0))
    }
}
