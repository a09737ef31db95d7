extension FanoutClient.VaultMedia {
    package init(_ wire: Components.Schemas.VaultMedia) throws {
        self.init(
            media: try FanoutClient.Media(wire.value1), likesCount: wire.value2.counters.likesCount,
            tipsTotal: try WireValue.money(wire.value2.counters.tipsSumm, field: "vaultMedia.counters.tipsSumm"),
            hasPosts: wire.value2.hasPosts, lists: wire.value2.lists.map { FanoutClient.VaultListReference(id: $0.id, name: $0.name) })
    }
}

extension FanoutClient.VaultMediaPreview {
    package init(_ wire: Components.Schemas.VaultMediaPreview) {
        self.init(kind: FanoutClient.Media.Kind(rawValue: wire._type.rawValue) ?? .photo, url: WireValue.url(wire.url))
    }
}

extension FanoutClient.VaultList {
    package init(_ wire: Components.Schemas.VaultList) {
        self.init(
            id: wire.id, name: wire.name, hasMedia: wire.hasMedia, canUpdate: wire.canUpdate, canDelete: wire.canDelete,
            counts: FanoutClient.VaultCounts(
                photos: wire.photosCount ?? 0, videos: wire.videosCount ?? 0, gifs: wire.gifsCount ?? 0, audios: wire.audiosCount ?? 0),
            recentMedia: wire.medias.map(FanoutClient.VaultMediaPreview.init))
    }
}

extension FanoutClient.VaultListsPage {
    package init(_ wire: Components.Schemas.VaultListPage, offset: Int) {
        let page = FanoutClient.Page(
            items: wire.list.map(FanoutClient.VaultList.init), hasMore: wire.hasMore, offset: offset, nextOffset: wire.nextOffset)
        self.init(
            items: page.items, next: page.next,
            all: FanoutClient.VaultCounts(
                photos: wire.all.photosCount, videos: wire.all.videosCount, gifs: wire.all.gifsCount, audios: wire.all.audiosCount),
            allRecentMedia: wire.all.medias.map(FanoutClient.VaultMediaPreview.init), canCreateLists: wire.canCreateVaultLists)
    }
}

extension FanoutClient.VaultMediaSort {
    var wire: Operations.ListVaultMedia.Input.Query.SortPayload {
        switch self {
        case .recent: .recent
        case .oldest: .oldest
        case .mostLiked: .mostLiked
        case .highestTips: .highestTips
        }
    }

    var listWire: Operations.ListVaultListMedia.Input.Query.SortPayload {
        switch self {
        case .recent: .recent
        case .oldest: .oldest
        case .mostLiked: .mostLiked
        case .highestTips: .highestTips
        }
    }
}

extension FanoutClient.Media.Kind {
    var vaultWire: Operations.ListVaultMedia.Input.Query._TypePayload {
        switch self {
        case .photo: .photo
        case .video: .video
        case .gif: .gif
        case .audio: .audio
        }
    }

    var vaultListWire: Operations.ListVaultListMedia.Input.Query._TypePayload {
        switch self {
        case .photo: .photo
        case .video: .video
        case .gif: .gif
        case .audio: .audio
        }
    }
}
