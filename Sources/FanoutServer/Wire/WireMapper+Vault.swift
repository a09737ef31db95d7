import FanoutAPI
import FanoutCore

extension WireMapper {
    func vaultMedia(_ item: VaultMedia) -> Components.Schemas.VaultMedia {
        .init(
            value1: media(item.media),
            value2: .init(
                counters: .init(likesCount: item.likesCount, tipsSumm: item.earned.doubleValue), hasPosts: false,
                lists: item.lists.map { .init(id: Int($0.id), _type: "custom", name: $0.name) }))
    }

    func vaultList(_ list: VaultList) -> Components.Schemas.VaultList {
        .init(
            id: Int(list.id), _type: .custom, name: list.name, hasMedia: list.counts.total > 0, canUpdate: true, canDelete: true,
            videosCount: list.counts.videos, photosCount: list.counts.photos, gifsCount: list.counts.gifs,
            audiosCount: list.counts.audios, medias: list.recentMedia.map(vaultMediaPreview))
    }

    func vaultCounts(_ summary: VaultSummary) -> Components.Schemas.VaultCounts {
        .init(
            videosCount: summary.counts.videos, photosCount: summary.counts.photos, gifsCount: summary.counts.gifs,
            audiosCount: summary.counts.audios, medias: summary.recentMedia.map(vaultMediaPreview))
    }

    /// A list's preview of one media: its thumbnail, else the file itself.
    func vaultMediaPreview(_ media: Media) -> Components.Schemas.VaultMediaPreview {
        .init(_type: .init(rawValue: media.kind.rawValue) ?? .photo, url: media.thumbURL ?? media.fullURL)
    }
}
