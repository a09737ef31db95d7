import FanoutCore
import GRDB

enum MassMessageRow {
    static func decode(_ row: Row, attachments: [Attachment]) -> MassMessage {
        MassMessage(
            id: row["id"], creatorID: row["creatorId"], text: row["text"], price: Money(cents: row["priceCents"]),
            isLockedText: row["isLockedText"], state: MassMessageState(rawValue: row["state"]) ?? .queued,
            createdAt: row["createdAt"], changedAt: row["changedAt"], scheduledAt: row["scheduledAt"],
            sentAt: row["sentAt"], canceledAt: row["canceledAt"], total: row["total"], pending: row["pending"],
            sentCount: row["sentCount"], viewedCount: row["viewedCount"], purchasedCount: row["purchasedCount"],
            hasError: row["hasError"], attachments: attachments)
    }

    /// Rows of `massMessage` with their attachments.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments) throws -> [MassMessage] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        let attachments = try AttachmentLoader.load(db, owner: .massMessage, ids: rows.map { $0["id"] as Int64 })
        return rows.map { decode($0, attachments: attachments[$0["id"]] ?? []) }
    }
}
