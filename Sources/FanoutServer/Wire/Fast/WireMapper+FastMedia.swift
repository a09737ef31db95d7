import FanoutCore

extension WireMapper {
    /// The fast twin of `media(_:)`. A media object depends on the media row
    /// alone, which never changes, so its bytes are written once and reused.
    func write(_ media: Media, to w: inout JSONWriter) {
        if let cached = mediaJSON.bytes(of: media.id) {
            w.encoded(cached)
            return
        }
        var fresh = JSONWriter(capacity: 1_024)
        render(media, to: &fresh)
        mediaJSON.store(fresh.bytes, of: media.id)
        w.encoded(fresh.bytes)
    }

    private func render(_ media: Media, to w: inout JSONWriter) {
        let width = media.width == 0 ? nil : media.width
        let height = media.height == 0 ? nil : media.height
        w.beginObject()
        w.field("id", media.id)
        w.field("type", media.kind.rawValue)
        w.field("convertedToVideo", media.convertedToVideo)
        w.field("canView", true)
        w.field("hasError", media.hasError)
        w.field("createdAt", timestamp: media.createdAt)
        w.field("isReady", media.isReady)
        w.field("duration", media.duration ?? 0)
        w.key("releaseForms"); w.beginArray(); w.endArray()
        w.field("hasCustomPreview", media.hasCustomPreview)
        w.key("videoSources"); w.beginObject()
        w.field("240", ifPresent: media.video240URL)
        w.field("720", ifPresent: media.video720URL)
        w.endObject()
        w.key("files"); w.beginObject()
        w.key("full"); w.beginObject()
        w.field("url", media.fullURL)
        w.field("width", ifPresent: width)
        w.field("height", ifPresent: height)
        w.field("size", media.size)
        w.key("sources"); writeSources(url: media.fullURL, width: width, height: height, type: media.kind.rawValue, to: &w)
        w.endObject()
        if let url = media.thumbURL {
            w.key("thumb"); writeSquare(url: url, side: 300, of: media, to: &w)
        }
        if let url = media.previewURL {
            w.key("preview"); w.beginObject()
            w.field("url", url)
            w.field("width", ifPresent: width)
            w.field("height", ifPresent: height)
            w.field("size", Self.derivedSize(media, media.width * media.height / 4))
            w.key("options"); writeSources(url: url, width: width, height: height, type: "image", to: &w)
            w.endObject()
        }
        if let url = media.squarePreviewURL {
            w.key("squarePreview"); writeSquare(url: url, side: 960, of: media, to: &w)
        }
        w.endObject()
        w.endObject()
    }

    func write(_ attachments: [Attachment], to w: inout JSONWriter, previewsOnly: Bool = false) {
        w.beginArray()
        for attachment in attachments where !previewsOnly || attachment.isPreview { write(attachment.media, to: &w) }
        w.endArray()
    }

    /// `media` … `isFree`, the run of `MessageFields` every message shares.
    func writeContent(_ attachments: [Attachment], lockedText: Bool, price: Money, to w: inout JSONWriter) {
        w.key("media"); write(attachments, to: &w)
        w.key("previews"); w.beginArray()
        for attachment in attachments where attachment.isPreview { w.int(attachment.media.id) }
        w.endArray()
        w.field("isMediaReady", attachments.allReady)
        w.field("mediaCount", attachments.count)
        w.field("lockedText", lockedText)
        w.field("responseType", "message")
        w.field("isFree", price.isZero)
    }

    /// A square rendition (`files.thumb`, `files.squarePreview`).
    private func writeSquare(url: String, side: Int, of media: Media, to w: inout JSONWriter) {
        w.beginObject()
        w.field("url", url); w.field("width", side); w.field("height", side)
        w.field("size", Self.derivedSize(media, side * side))
        w.endObject()
    }

    /// A `MediaSource`, alone in an array (`files.full.sources`, `files.preview.options`).
    private func writeSources(url: String, width: Int?, height: Int?, type: String, to w: inout JSONWriter) {
        w.beginArray()
        w.beginObject()
        w.field("url", url)
        w.field("width", ifPresent: width)
        w.field("height", ifPresent: height)
        w.field("type", type)
        w.endObject()
        w.endArray()
    }
}
