import FanoutAPI
import FanoutCore

extension WireMapper {
    func media(_ media: Media) -> Components.Schemas.Media {
        let width = media.width == 0 ? nil : media.width
        let height = media.height == 0 ? nil : media.height
        return Components.Schemas.Media(
            id: Int(media.id), _type: .init(rawValue: media.kind.rawValue) ?? .photo,
            convertedToVideo: media.convertedToVideo, canView: true, hasError: media.hasError,
            createdAt: timestamp(media.createdAt), isReady: media.isReady, duration: media.duration ?? 0,
            releaseForms: [], hasCustomPreview: media.hasCustomPreview,
            videoSources: .init(_240: media.video240URL, _720: media.video720URL),
            files: .init(
                full: .init(url: media.fullURL, width: width, height: height, size: media.size,
                            sources: [.init(url: media.fullURL, width: width, height: height, _type: media.kind.rawValue)]),
                thumb: media.thumbURL.map { .init(url: $0, width: 300, height: 300, size: Self.derivedSize(media, 300 * 300)) },
                preview: media.previewURL.map { url in
                    .init(url: url, width: width, height: height, size: Self.derivedSize(media, media.width * media.height / 4),
                          options: [.init(url: url, width: width, height: height, _type: "image")])
                },
                squarePreview: media.squarePreviewURL.map { .init(url: $0, width: 960, height: 960, size: Self.derivedSize(media, 960 * 960)) }))
    }

    /// The vault stores the full file's size only; a rendition's size is
    /// estimated from its pixel count (about 1.5 bytes a pixel for JPEG).
    static func derivedSize(_ media: Media, _ pixels: Int) -> Int { max(1, pixels * 3 / 2) }

    func mediaTypes(_ attachments: [Attachment]) -> Components.Schemas.MediaTypes {
        .init(video: attachments.count(of: .video), photo: attachments.count(of: .photo),
              gif: attachments.count(of: .gif), audio: attachments.count(of: .audio))
    }
}
