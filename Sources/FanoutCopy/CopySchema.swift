/// Every table of Fanout's SQLite schema (as its migrations leave it) in an
/// order that satisfies PostgreSQL's foreign keys. The SQLite-only column
/// `massMessage.fanOutCursor` becomes a fan-out slice (see `DatabaseCopy`).
/// All but `consoleSession`: web console sign-ins do not move (sign in again).
/// Nor `uploadReservation`: room held by parts under way, which do not move either.
enum CopySchema {
    static let tables: [CopyTable] = [
        CopyTable("organization", "organization", [("id", .integer), ("name", .text), ("createdAt", .date)]),
        CopyTable("apiKey", "api_key", [
            ("id", .integer), ("organizationId", .integer), ("lookupId", .text), ("secretHash", .bytes), ("label", .text),
            ("createdAt", .date),
        ]),
        CopyTable("user", "app_user", sequence: false, [
            ("id", .integer), ("name", .text), ("username", .text), ("avatar", .text), ("isVerified", .boolean), ("isCreator", .boolean),
        ]),
        CopyTable("connection", "connection", sequence: false, [
            ("id", .text), ("organizationId", .integer), ("creatorId", .integer), ("permissions", .text), ("createdAt", .date),
        ]),
        CopyTable("subscription", "subscription", key: ["creatorId", "fanId"], sequence: false, [
            ("creatorId", .integer), ("fanId", .integer), ("subscribedAt", .date), ("isActive", .boolean),
        ]),
        CopyTable("media", "media", [
            ("id", .integer), ("creatorId", .integer), ("kind", .text), ("createdAt", .date), ("isReady", .boolean), ("hasError", .boolean),
            ("convertedToVideo", .boolean), ("hasCustomPreview", .boolean), ("duration", .real), ("width", .integer), ("height", .integer),
            ("size", .integer), ("fullUrl", .text), ("thumbUrl", .text), ("previewUrl", .text), ("squarePreviewUrl", .text),
            ("video240Url", .text), ("video720Url", .text), ("filename", .text), ("storedFile", .text), ("contentType", .text),
            ("etag", .text),
        ]),
        CopyTable("massMessage", "mass_message", [
            ("id", .integer), ("creatorId", .integer), ("text", .text), ("priceCents", .integer), ("isLockedText", .boolean), ("state", .text),
            ("listType", .text), ("createdAt", .date), ("changedAt", .date), ("scheduledAt", .date), ("sentAt", .date), ("canceledAt", .date),
            ("total", .integer), ("pending", .integer), ("sentCount", .integer), ("viewedCount", .integer), ("purchasedCount", .integer),
            ("hasError", .boolean), ("subscribedAfter", .date), ("resolving", .boolean), ("firstDeliveryId", .integer),
            ("lastDeliveryId", .integer),
        ]),
        CopyTable("massMessageMedia", "mass_message_media", key: ["massMessageId", "position"], sequence: false, [
            ("massMessageId", .integer), ("position", .integer), ("mediaId", .integer), ("isPreview", .boolean),
        ]),
        CopyTable("massMessageAudience", "mass_message_audience", key: ["massMessageId", "kind", "refId"], sequence: false, [
            ("massMessageId", .integer), ("kind", .text), ("refId", .integer),
        ]),
        CopyTable("massMessageRecipient", "mass_message_recipient", key: ["massMessageId", "fanId"], sequence: false, [
            ("massMessageId", .integer), ("fanId", .integer),
        ]),
        CopyTable("chat", "chat", [
            ("id", .integer), ("creatorId", .integer), ("fanId", .integer), ("lastMessageId", .integer), ("lastReadMessageId", .integer),
            ("unreadCount", .integer), ("hasUnreadTips", .boolean), ("isMuted", .boolean), ("tipsCents", .integer),
            ("spentCents", .integer), ("pinnedCount", .integer), ("hasPurchasedFeed", .boolean),
        ]),
        CopyTable("message", "message", [
            ("id", .integer), ("chatId", .integer), ("fromUserId", .integer), ("text", .text), ("priceCents", .integer),
            ("isLockedText", .boolean), ("isTip", .boolean), ("massMessageId", .integer), ("createdAt", .date), ("changedAt", .date),
            ("openedAt", .date), ("purchasedAt", .date), ("isLiked", .boolean), ("isPinned", .boolean),
        ]),
        CopyTable("messageMedia", "message_media", key: ["messageId", "position"], sequence: false, [
            ("messageId", .integer), ("position", .integer), ("mediaId", .integer), ("isPreview", .boolean),
        ]),
        CopyTable("massDelivery", "mass_delivery", key: ["creatorId", "messageId"], sequence: false, [
            ("creatorId", .integer), ("messageId", .integer), ("fanId", .integer), ("massMessageId", .integer),
        ]),
        CopyTable("purchase", "purchase", [
            ("id", .integer), ("messageId", .integer), ("massMessageId", .integer), ("creatorId", .integer), ("fanId", .integer),
            ("amountCents", .integer), ("createdAt", .date),
        ]),
        CopyTable("userList", "user_list", [
            ("id", .integer), ("creatorId", .integer), ("name", .text), ("createdAt", .date), ("usersCount", .integer),
        ]),
        CopyTable("userListMember", "user_list_member", key: ["listId", "fanId"], sequence: false, [
            ("listId", .integer), ("fanId", .integer), ("addedAt", .date),
        ]),
        CopyTable("vaultList", "vault_list", [
            ("id", .integer), ("creatorId", .integer), ("name", .text), ("createdAt", .date), ("photosCount", .integer),
            ("videosCount", .integer), ("gifsCount", .integer), ("audiosCount", .integer),
        ]),
        CopyTable("vaultListMedia", "vault_list_media", key: ["listId", "mediaId"], sequence: false, [
            ("listId", .integer), ("mediaId", .integer), ("addedAt", .date),
        ]),
        CopyTable("upload", "upload", key: ["id"], sequence: false, [
            ("id", .text), ("creatorId", .integer), ("filename", .text), ("size", .integer), ("contentType", .text), ("createdAt", .date),
            ("mediaId", .integer),
        ]),
        CopyTable("uploadPart", "upload_part", key: ["uploadId", "partNumber"], sequence: false, [
            ("uploadId", .text), ("partNumber", .integer), ("size", .integer), ("etag", .text),
        ]),
        CopyTable("fanOutTurn", "fan_out_turn", key: ["creatorId"], sequence: false, [("creatorId", .integer), ("turn", .integer)]),
        CopyTable("creatorClock", "creator_clock", key: ["creatorId"], sequence: false, [("creatorId", .integer), ("offsetSeconds", .real)]),
        CopyTable("dailyActivity", "daily_activity", key: ["creatorId", "kind", "day"], sequence: false, [
            ("creatorId", .integer), ("kind", .text), ("day", .text), ("count", .integer), ("grossCents", .integer),
        ]),
        CopyTable("idempotencyKey", "idempotency_key", key: ["connectionId", "key"], sequence: false, [
            ("connectionId", .text), ("key", .text), ("fingerprint", .bytes), ("token", .text), ("takenAt", .date), ("written", .boolean),
            ("status", .integer), ("contentType", .text), ("body", .bytes),
        ]),
        CopyTable("webhookEndpoint", "webhook_endpoint", [
            ("id", .integer), ("organizationId", .integer), ("url", .text), ("events", .text), ("secret", .text), ("createdAt", .date),
            ("disabledAt", .date),
        ]),
        CopyTable("webhookDelivery", "webhook_delivery", [
            ("id", .integer), ("endpointId", .integer), ("eventId", .text), ("type", .text), ("connectionId", .text), ("subjectId", .integer),
            ("fanId", .integer), ("payload", .bytes), ("attempts", .integer),
            ("lastStatus", .integer), ("nextAttemptAt", .date), ("state", .text), ("createdAt", .date),
        ]),
    ]
}
