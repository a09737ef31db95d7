import FanoutCore
import FanoutSQL
import Foundation
import GRDB

/// Reads chat messages, by column position: `message` rows and the
/// deliveries of mass messages no fan has acted on yet (`massDelivery`), in
/// the same columns. A delivery takes its text and media from the mass message,
/// as does a message a delivery became.
enum MessageRow {
    static let select = ChatMessageSelect.messages

    static func selectDelivery(index: String) -> String { ChatMessageSelect.deliveries(.sqlite, index: index) }

    /// Which index the deliveries side walks. Named, because without
    /// statistics SQLite would walk all of a creator's deliveries by id to
    /// find one fan's rather than seek the fan's.
    enum DeliveryIndex: String {
        /// (creatorId, messageId): by id.
        case byID = "INDEXED BY sqlite_autoindex_mass_delivery_1"
        /// (creatorId, fanId, messageId): one fan's chat.
        case byFan = "INDEXED BY massDelivery_chat"
    }

    /// `select` + `where` (a cached statement), with their attachments.
    static func fetchAll(_ db: Database, media: MediaCache, where clause: String, arguments: StatementArguments) throws -> [ChatMessage] {
        try decode(db, media: media, sql: select + " " + clause, arguments: arguments)
    }

    /// Both kinds, each filtered by its own `WHERE`, then `tail` (order,
    /// limit) over the union: with each side walking an index in id order,
    /// SQLite merges the two instead of sorting.
    static func fetchBoth(
        _ db: Database, media: MediaCache, messages: String, deliveries: String, index: DeliveryIndex, tail: String,
        arguments: StatementArguments
    ) throws -> [ChatMessage] {
        try decode(db, media: media, sql: bothSQL(messages: messages, deliveries: deliveries, index: index, tail: tail), arguments: arguments)
    }

    /// The text of `fetchBoth`.
    static func bothSQL(messages: String, deliveries: String, index: DeliveryIndex, tail: String) -> String {
        "\(select) \(messages) UNION ALL \(selectDelivery(index: index.rawValue)) \(deliveries) \(tail)"
    }

    /// Messages and deliveries by id, in no particular order (a chats-list
    /// page's last messages). The SQL texts for up to 32 ids are built once.
    static func fetchByID(_ db: Database, media: MediaCache, ids: [Int64], creatorID: Int64) throws -> [ChatMessage] {
        guard !ids.isEmpty else { return [] }
        let sql = ids.count < byIDStatements.count ? byIDStatements[ids.count] : byIDSQL(count: ids.count)
        return try decode(db, media: media, sql: sql, arguments: StatementArguments(ids) + [creatorID] + StatementArguments(ids))
    }

    private static let byIDStatements: [String] = (0..<33).map(byIDSQL(count:))

    private static func byIDSQL(count: Int) -> String {
        let marks = databaseQuestionMarks(count: count)
        return "\(select) WHERE m.id IN (\(marks)) UNION ALL \(selectDelivery(index: DeliveryIndex.byID.rawValue)) "
            + "WHERE d.creator_id = ? AND d.message_id IN (\(marks))"
    }

    static func decode(_ db: Database, media: MediaCache, sql: String, arguments: StatementArguments) throws -> [ChatMessage] {
        // Decoded straight from the statement (no copied rows); attachments after.
        var messages: [ChatMessage] = []
        var packed: [[Int64]] = []
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let column = SQLiteColumns(statement)
        while try rows.next() != nil {
            messages.append(ChatMessage(
                id: column.int64(0), creatorID: column.int64(15), fanID: column.int64(16), fromUserID: column.int64(1),
                fromUserName: column.text(17), text: column.text(12), price: Money(cents: column.int64(2)),
                isLockedText: column.bool(3), isTip: column.bool(4), massMessageID: column.optionalInt64(5),
                createdAt: column.date(6), changedAt: column.date(7), openedAt: column.optionalDate(8),
                purchasedAt: column.optionalDate(9), isLiked: column.bool(10), isPinned: column.bool(11), attachments: [],
                queueState: column.optionalText(13).flatMap(MassMessageState.init(rawValue:)),
                queueSentAt: column.optionalDate(14)))
            packed.append(column.packedMedia(18))
        }
        let attachments = try AttachmentLoader.resolve(packed, db: db, cache: media)
        for index in messages.indices { messages[index].attachments = attachments[index] }
        return messages
    }
}
