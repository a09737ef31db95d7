import GRDB

extension AppDatabase {
    /// Append-only: a landed migration is never edited, only followed by new ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createTenancy") { db in
            try db.execute(sql: """
                CREATE TABLE organization (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
                CREATE TABLE apiKey (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    organizationId INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
                    lookupId TEXT NOT NULL,
                    secretHash BLOB NOT NULL,
                    label TEXT NOT NULL,
                    createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
                CREATE INDEX apiKey_lookup ON apiKey(lookupId);
                """)
        }
        migrator.registerMigration("createUsersAndSubscriptions") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    username TEXT NOT NULL,
                    avatar TEXT,
                    isVerified BOOLEAN NOT NULL DEFAULT 0,
                    isCreator BOOLEAN NOT NULL DEFAULT 0);
                CREATE TABLE connection (
                    id TEXT PRIMARY KEY,
                    organizationId INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    permissions TEXT NOT NULL,
                    createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
                CREATE INDEX connection_organization ON connection(organizationId);
                CREATE TABLE subscription (
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    fanId INTEGER NOT NULL REFERENCES user(id),
                    subscribedAt DATETIME NOT NULL,
                    isActive BOOLEAN NOT NULL,
                    PRIMARY KEY (creatorId, fanId)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("createVault") { db in
            try db.execute(sql: """
                CREATE TABLE media (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    kind TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    isReady BOOLEAN NOT NULL,
                    hasError BOOLEAN NOT NULL,
                    convertedToVideo BOOLEAN NOT NULL,
                    hasCustomPreview BOOLEAN NOT NULL,
                    duration DOUBLE,
                    width INTEGER NOT NULL,
                    height INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    fullUrl TEXT NOT NULL,
                    thumbUrl TEXT,
                    previewUrl TEXT,
                    squarePreviewUrl TEXT,
                    video240Url TEXT,
                    video720Url TEXT);
                CREATE INDEX media_creator ON media(creatorId, id);
                """)
        }
        migrator.registerMigration("createMassMessages") { db in
            // listType is the `type` partition (sent/unsent/scheduled) kept beside
            // state, so each filtered page is one index walk.
            try db.execute(sql: """
                CREATE TABLE massMessage (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    text TEXT NOT NULL,
                    priceCents INTEGER NOT NULL,
                    isLockedText BOOLEAN NOT NULL,
                    state TEXT NOT NULL,
                    listType TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    changedAt DATETIME NOT NULL,
                    scheduledAt DATETIME,
                    sentAt DATETIME,
                    canceledAt DATETIME,
                    total INTEGER NOT NULL DEFAULT 0,
                    pending INTEGER NOT NULL DEFAULT 0,
                    sentCount INTEGER NOT NULL DEFAULT 0,
                    viewedCount INTEGER NOT NULL DEFAULT 0,
                    purchasedCount INTEGER NOT NULL DEFAULT 0,
                    hasError BOOLEAN NOT NULL DEFAULT 0);
                CREATE INDEX massMessage_creator ON massMessage(creatorId, id);
                CREATE INDEX massMessage_creator_listType ON massMessage(creatorId, listType, id);
                CREATE INDEX massMessage_purchased ON massMessage(creatorId, id) WHERE purchasedCount > 0;
                CREATE TABLE massMessageMedia (
                    massMessageId INTEGER NOT NULL REFERENCES massMessage(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    mediaId INTEGER NOT NULL REFERENCES media(id),
                    isPreview BOOLEAN NOT NULL,
                    PRIMARY KEY (massMessageId, position)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("createChatsAndMessages") { db in
            // A delivery of a mass message stores no text of its own: it reads the
            // mass message's, so a million deliveries do not copy it a million times.
            try db.execute(sql: """
                CREATE TABLE chat (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    fanId INTEGER NOT NULL REFERENCES user(id),
                    lastMessageId INTEGER,
                    lastReadMessageId INTEGER,
                    unreadCount INTEGER NOT NULL DEFAULT 0,
                    hasUnreadTips BOOLEAN NOT NULL DEFAULT 0,
                    isMuted BOOLEAN NOT NULL DEFAULT 0,
                    tipsCents INTEGER NOT NULL DEFAULT 0,
                    spentCents INTEGER NOT NULL DEFAULT 0,
                    pinnedCount INTEGER NOT NULL DEFAULT 0,
                    hasPurchasedFeed BOOLEAN NOT NULL DEFAULT 0,
                    UNIQUE (creatorId, fanId));
                CREATE INDEX chat_recent ON chat(creatorId, lastMessageId);
                CREATE TABLE message (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    chatId INTEGER NOT NULL REFERENCES chat(id),
                    fromUserId INTEGER NOT NULL REFERENCES user(id),
                    text TEXT,
                    priceCents INTEGER NOT NULL DEFAULT 0,
                    isLockedText BOOLEAN NOT NULL DEFAULT 0,
                    isTip BOOLEAN NOT NULL DEFAULT 0,
                    massMessageId INTEGER REFERENCES massMessage(id),
                    createdAt DATETIME NOT NULL,
                    changedAt DATETIME NOT NULL,
                    openedAt DATETIME,
                    purchasedAt DATETIME,
                    isLiked BOOLEAN NOT NULL DEFAULT 0,
                    isPinned BOOLEAN NOT NULL DEFAULT 0);
                CREATE INDEX message_chat ON message(chatId, id);
                CREATE UNIQUE INDEX message_delivery ON message(massMessageId, chatId) WHERE massMessageId IS NOT NULL;
                CREATE TABLE messageMedia (
                    messageId INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    mediaId INTEGER NOT NULL REFERENCES media(id),
                    isPreview BOOLEAN NOT NULL,
                    PRIMARY KEY (messageId, position)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("createPurchases") { db in
            // The ledger of what fans bought; message.purchasedAt mirrors it for reads.
            try db.execute(sql: """
                CREATE TABLE purchase (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    messageId INTEGER NOT NULL UNIQUE REFERENCES message(id),
                    massMessageId INTEGER REFERENCES massMessage(id),
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    fanId INTEGER NOT NULL REFERENCES user(id),
                    amountCents INTEGER NOT NULL,
                    createdAt DATETIME NOT NULL);
                CREATE INDEX purchase_massMessage ON purchase(massMessageId) WHERE massMessageId IS NOT NULL;
                CREATE INDEX purchase_fan ON purchase(creatorId, fanId);
                """)
        }
        migrator.registerMigration("createUserLists") { db in
            try db.execute(sql: """
                CREATE TABLE userList (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    name TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    UNIQUE (creatorId, name));
                CREATE TABLE userListMember (
                    listId INTEGER NOT NULL REFERENCES userList(id) ON DELETE CASCADE,
                    fanId INTEGER NOT NULL REFERENCES user(id),
                    addedAt DATETIME NOT NULL,
                    PRIMARY KEY (listId, fanId)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("addMassMessageAudienceAndFanOutJob") { db in
            // The audience is kept as asked (users, lists, exclusions) and
            // resolved into massMessageRecipient when sending starts; the
            // fan-out walks recipients by fanId and remembers how far it got
            // in fanOutCursor, in the same transaction as each batch.
            try db.execute(sql: """
                ALTER TABLE massMessage ADD COLUMN subscribedAfter DATETIME;
                ALTER TABLE massMessage ADD COLUMN fanOutCursor INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX massMessage_state ON massMessage(state, scheduledAt);
                CREATE TABLE massMessageAudience (
                    massMessageId INTEGER NOT NULL REFERENCES massMessage(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    refId INTEGER NOT NULL,
                    PRIMARY KEY (massMessageId, kind, refId)) WITHOUT ROWID;
                CREATE TABLE massMessageRecipient (
                    massMessageId INTEGER NOT NULL REFERENCES massMessage(id) ON DELETE CASCADE,
                    fanId INTEGER NOT NULL,
                    PRIMARY KEY (massMessageId, fanId)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("countUserListMembers") { db in
            // Kept in the same transaction as every add and remove.
            try db.execute(sql: """
                ALTER TABLE userList ADD COLUMN usersCount INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX userListMember_recent ON userListMember(listId, addedAt);
                """)
        }
        migrator.registerMigration("createDailyActivity") { db in
            // Daily tallies for the analytics chart, bumped in the same
            // transaction as each delivery batch, direct message and purchase.
            try db.execute(sql: """
                CREATE TABLE dailyActivity (
                    creatorId INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    day TEXT NOT NULL,
                    count INTEGER NOT NULL DEFAULT 0,
                    grossCents INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (creatorId, kind, day)) WITHOUT ROWID;
                CREATE INDEX purchase_buyers ON purchase(massMessageId, id) WHERE massMessageId IS NOT NULL;
                """)
        }
        migrator.registerMigration("resolveRecipientsBatchByBatch") { db in
            // While `resolving`, the fan-out resolves the audience a batch at
            // a time, in the batch's transaction, instead of all recipients up
            // front in one long transaction that would hold the writer.
            try db.execute(sql: "ALTER TABLE massMessage ADD COLUMN resolving BOOLEAN NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("deliverMassMessagesOnRead") { db in
            // A mass message's delivery to one fan is one narrow row (fan-out
            // on read): it takes its text, media and price from the mass
            // message, and becomes a full `message` row only when the fan acts
            // on it (opens or buys it). Delivery ids come from message's id
            // sequence, reserved a batch at a time, so a chat reads both kinds
            // in one id order. The key appends (ids grow); the index serves a
            // fan's chat. Deliveries made before this migration stay messages.
            try db.execute(sql: """
                CREATE TABLE massDelivery (
                    creatorId INTEGER NOT NULL,
                    messageId INTEGER NOT NULL,
                    fanId INTEGER NOT NULL,
                    massMessageId INTEGER NOT NULL,
                    PRIMARY KEY (creatorId, messageId)) WITHOUT ROWID;
                CREATE INDEX massDelivery_chat ON massDelivery(creatorId, fanId, messageId);
                ALTER TABLE massMessage ADD COLUMN firstDeliveryId INTEGER;
                ALTER TABLE massMessage ADD COLUMN lastDeliveryId INTEGER;
                """)
        }
        migrator.registerMigration("rememberIdempotencyKeys") { db in
            // One row per connection and Idempotency-Key: taken when a request
            // starts, `written` in the same transaction as its write, the
            // answer once it has one. Purged 24 hours after `takenAt`.
            try db.execute(sql: """
                CREATE TABLE idempotencyKey (
                    connectionId TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint BLOB NOT NULL,
                    token TEXT NOT NULL,
                    takenAt DATETIME NOT NULL,
                    written BOOLEAN NOT NULL DEFAULT 0,
                    status INTEGER,
                    contentType TEXT,
                    body BLOB,
                    PRIMARY KEY (connectionId, key)) WITHOUT ROWID;
                CREATE INDEX idempotencyKey_takenAt ON idempotencyKey(takenAt);
                """)
        }
        migrator.registerMigration("listSubscribersNewestFirst") { db in
            // GET /v2/access/subscribers walks a creator's subscriptions newest
            // first (a creator may have a million).
            try db.execute(sql: "CREATE INDEX subscription_newest ON subscription(creatorId, subscribedAt, fanId)")
        }
        migrator.registerMigration("createVaultLists") { db in
            // A list's counts by kind are kept on its row as media are added.
            // The mediaId indexes find the messages that carry a media (the
            // vault's likes and earnings counters).
            try db.execute(sql: """
                CREATE TABLE vaultList (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    name TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    photosCount INTEGER NOT NULL DEFAULT 0,
                    videosCount INTEGER NOT NULL DEFAULT 0,
                    gifsCount INTEGER NOT NULL DEFAULT 0,
                    audiosCount INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (creatorId, name));
                CREATE TABLE vaultListMedia (
                    listId INTEGER NOT NULL REFERENCES vaultList(id) ON DELETE CASCADE,
                    mediaId INTEGER NOT NULL REFERENCES media(id),
                    addedAt DATETIME NOT NULL,
                    PRIMARY KEY (listId, mediaId)) WITHOUT ROWID;
                CREATE INDEX vaultListMedia_media ON vaultListMedia(mediaId);
                CREATE INDEX vaultListMedia_recent ON vaultListMedia(listId, addedAt);
                CREATE INDEX messageMedia_media ON messageMedia(mediaId);
                CREATE INDEX massMessageMedia_media ON massMessageMedia(mediaId);
                """)
        }
        migrator.registerMigration("nameVaultMedia") { db in
            // The file name an upload declared: what the vault's `query` searches.
            try db.execute(sql: "ALTER TABLE media ADD COLUMN filename TEXT")
        }
        migrator.registerMigration("keepUploads") { db in
            // An upload in progress and its received parts; a complete one
            // points at the media it became. An uploaded media knows its file
            // (relative to the media folder), its real content type and MD5.
            try db.execute(sql: """
                CREATE TABLE upload (
                    id TEXT PRIMARY KEY,
                    creatorId INTEGER NOT NULL REFERENCES user(id),
                    filename TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    contentType TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    mediaId INTEGER REFERENCES media(id)) WITHOUT ROWID;
                CREATE TABLE uploadPart (
                    uploadId TEXT NOT NULL REFERENCES upload(id) ON DELETE CASCADE,
                    partNumber INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    etag TEXT NOT NULL,
                    PRIMARY KEY (uploadId, partNumber)) WITHOUT ROWID;
                CREATE INDEX uploadPart_etag ON uploadPart(etag);
                ALTER TABLE media ADD COLUMN storedFile TEXT;
                ALTER TABLE media ADD COLUMN contentType TEXT;
                ALTER TABLE media ADD COLUMN etag TEXT;
                CREATE INDEX media_etag ON media(creatorId, etag) WHERE etag IS NOT NULL;
                """)
        }
        migrator.registerMigration("deliverWebhooks") { db in
            // Endpoints an organization registered (`events`: type names,
            // space-separated, none: all), and the outbox: one delivery row
            // per event and endpoint. An event written with what caused it
            // names its connection and subject (a message, a mass message);
            // its body is rendered at the first attempt and kept for the rest.
            try db.execute(sql: """
                CREATE TABLE webhookEndpoint (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    organizationId INTEGER NOT NULL REFERENCES organization(id),
                    url TEXT NOT NULL,
                    events TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    disabledAt DATETIME);
                CREATE INDEX webhookEndpoint_organization ON webhookEndpoint(organizationId);
                CREATE TABLE webhookDelivery (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    endpointId INTEGER NOT NULL REFERENCES webhookEndpoint(id) ON DELETE CASCADE,
                    eventId TEXT NOT NULL,
                    type TEXT NOT NULL,
                    connectionId TEXT,
                    subjectId INTEGER,
                    payload BLOB,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    lastStatus INTEGER,
                    nextAttemptAt DATETIME,
                    state TEXT NOT NULL DEFAULT 'pending',
                    createdAt DATETIME NOT NULL);
                CREATE INDEX webhookDelivery_due ON webhookDelivery(nextAttemptAt) WHERE state = 'pending';
                CREATE INDEX webhookDelivery_endpoint ON webhookDelivery(endpointId, id);
                """)
        }
        migrator.registerMigration("nameTheFanOfWebhookEvents") { db in
            // The fan an event concerns: an unsent message's event names its
            // chat, and the message is gone by the time the body is rendered.
            try db.execute(sql: "ALTER TABLE webhookDelivery ADD COLUMN fanId INTEGER")
        }
        migrator.registerMigration("keepConsoleSessions") { db in
            // The web console's sign-ins, by the SHA-256 of the browser's
            // token (the token itself is never stored).
            try db.execute(sql: """
                CREATE TABLE consoleSession (
                    tokenHash BLOB PRIMARY KEY,
                    organizationId INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
                    connectionId TEXT,
                    csrfToken TEXT NOT NULL,
                    expiresAt DATETIME NOT NULL) WITHOUT ROWID;
                CREATE INDEX consoleSession_expiry ON consoleSession(expiresAt);
                """)
        }
        migrator.registerMigration("packAttachmentsOnTheirOwners") { db in
            // A page read each row's attachments from the link tables (two more
            // statements a page, ~7% of a chat page's profile); a packed copy on
            // the owner row is read as one column, as on PostgreSQL: comma-separated
            // `mediaId * 2 + isPreview` in position order. Triggers keep it in
            // step with the link tables whoever writes them.
            for (owner, link, ownerColumn) in [("message", "messageMedia", "messageId"), ("massMessage", "massMessageMedia", "massMessageId")] {
                let packed = """
                    (SELECT COALESCE(group_concat(element, ','), '') FROM (
                        SELECT mediaId * 2 + isPreview AS element FROM \(link) WHERE \(ownerColumn) = $owner ORDER BY position))
                    """
                try db.execute(sql: """
                    ALTER TABLE \(owner) ADD COLUMN media TEXT NOT NULL DEFAULT '';
                    CREATE TRIGGER \(link)_packedOnInsert AFTER INSERT ON \(link) BEGIN
                        UPDATE \(owner) SET media = \(packed.replacingOccurrences(of: "$owner", with: "NEW.\(ownerColumn)"))
                        WHERE id = NEW.\(ownerColumn);
                    END;
                    CREATE TRIGGER \(link)_packedOnDelete AFTER DELETE ON \(link) BEGIN
                        UPDATE \(owner) SET media = \(packed.replacingOccurrences(of: "$owner", with: "OLD.\(ownerColumn)"))
                        WHERE id = OLD.\(ownerColumn);
                    END;
                    UPDATE \(owner) SET media = \(packed.replacingOccurrences(of: "$owner", with: "\(owner).id"))
                    WHERE id IN (SELECT \(ownerColumn) FROM \(link));
                    """)
            }
        }
        registerTenantBoundMigrations(in: &migrator)
        registerSharedVocabularyMigration(in: &migrator)
        registerFanMarkMigrations(in: &migrator)
        registerEarningsMigrations(in: &migrator)
        registerAccountMigrations(in: &migrator)
        registerDeliveryDateMigrations(in: &migrator)
        return migrator
    }
}
