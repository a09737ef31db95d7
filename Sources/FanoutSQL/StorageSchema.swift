/// Every table both backends hold, as their migrations leave them, in an
/// order that satisfies the foreign keys: the one description of the schema
/// besides the migrations. `fanout copy` derives its plan from it, and
/// `StorageSchemaTests` checks it against both migrated databases.
/// What only one engine has is named in `sqliteOnly` and `postgresOnly`.
public enum StorageSchema {
    public static let tables: [SchemaTable] = [
        SchemaTable("organization", [
            ("id", .integer), ("name", .text), ("created_at", .date), ("vault_plus_auto_enable", .boolean), ("vault_plus_defaults", .text),
        ]),
        SchemaTable("api_key", [
            ("id", .integer), ("organization_id", .integer), ("lookup_id", .text), ("secret_hash", .bytes), ("label", .text),
            ("created_at", .date),
        ]),
        SchemaTable("app_user", sequence: false, [
            ("id", .integer), ("name", .text), ("username", .text), ("avatar", .text), ("is_verified", .boolean), ("is_creator", .boolean),
            ("about", .text),
        ]),
        SchemaTable("connection", sequence: false, [
            ("id", .text), ("organization_id", .integer), ("creator_id", .integer), ("permissions", .text), ("created_at", .date),
            ("status", .text), ("updated_at", .date), ("expired_at", .date), ("client_reference_id", .text), ("vault_plus_enabled", .boolean),
            ("vault_plus_settings", .text),
        ]),
        SchemaTable("subscription", key: ["creator_id", "fan_id"], sequence: false, [
            ("creator_id", .integer), ("fan_id", .integer), ("subscribed_at", .date), ("is_active", .boolean),
            ("restricted_at", .date), ("blocked_at", .date),
        ]),
        SchemaTable("media", [
            ("id", .integer), ("creator_id", .integer), ("kind", .text), ("created_at", .date), ("is_ready", .boolean), ("has_error", .boolean),
            ("converted_to_video", .boolean), ("has_custom_preview", .boolean), ("duration", .real), ("width", .integer), ("height", .integer),
            ("size", .integer), ("full_url", .text), ("thumb_url", .text), ("preview_url", .text), ("square_preview_url", .text),
            ("video240_url", .text), ("video720_url", .text), ("filename", .text), ("stored_file", .text), ("content_type", .text),
            ("etag", .text),
        ]),
        // `media` on a message or mass message: its attachments packed in one
        // column (`media_id * 2 + is_preview`, comma-separated, in position
        // order), kept by triggers from the link tables.
        SchemaTable("mass_message", derived: ["media"], [
            ("id", .integer), ("creator_id", .integer), ("text", .text), ("price_cents", .integer), ("is_locked_text", .boolean), ("state", .text),
            ("list_type", .text), ("created_at", .date), ("changed_at", .date), ("scheduled_at", .date), ("sent_at", .date), ("canceled_at", .date),
            ("total", .integer), ("pending", .integer), ("sent_count", .integer), ("viewed_count", .integer), ("purchased_count", .integer),
            ("has_error", .boolean), ("subscribed_after", .date), ("resolving", .boolean), ("first_delivery_id", .integer),
            ("last_delivery_id", .integer), ("media", .text),
        ]),
        SchemaTable("mass_message_media", key: ["mass_message_id", "position"], sequence: false, [
            ("mass_message_id", .integer), ("position", .integer), ("media_id", .integer), ("is_preview", .boolean),
        ]),
        SchemaTable("mass_message_audience", key: ["mass_message_id", "kind", "ref_id"], sequence: false, [
            ("mass_message_id", .integer), ("kind", .text), ("ref_id", .integer),
        ]),
        SchemaTable("mass_message_recipient", key: ["mass_message_id", "fan_id"], sequence: false, [
            ("mass_message_id", .integer), ("fan_id", .integer),
        ]),
        SchemaTable("chat", [
            ("id", .integer), ("creator_id", .integer), ("fan_id", .integer), ("last_message_id", .integer), ("last_read_message_id", .integer),
            ("unread_count", .integer), ("has_unread_tips", .boolean), ("is_muted", .boolean), ("tips_cents", .integer),
            ("spent_cents", .integer), ("pinned_count", .integer), ("has_purchased_feed", .boolean),
        ]),
        SchemaTable("message", derived: ["media"], [
            ("id", .integer), ("chat_id", .integer), ("from_user_id", .integer), ("text", .text), ("price_cents", .integer),
            ("is_locked_text", .boolean), ("is_tip", .boolean), ("mass_message_id", .integer), ("created_at", .date), ("changed_at", .date),
            ("opened_at", .date), ("purchased_at", .date), ("is_liked", .boolean), ("is_pinned", .boolean), ("media", .text),
        ]),
        SchemaTable("message_media", key: ["message_id", "position"], sequence: false, [
            ("message_id", .integer), ("position", .integer), ("media_id", .integer), ("is_preview", .boolean),
        ]),
        SchemaTable("mass_delivery", key: ["creator_id", "message_id"], sequence: false, [
            ("creator_id", .integer), ("message_id", .integer), ("fan_id", .integer), ("mass_message_id", .integer),
            ("delivered_at", .date),
        ]),
        SchemaTable("purchase", [
            ("id", .integer), ("message_id", .integer), ("mass_message_id", .integer), ("creator_id", .integer), ("fan_id", .integer),
            ("amount_cents", .integer), ("created_at", .date),
        ]),
        SchemaTable("earning", [
            ("id", .integer), ("creator_id", .integer), ("fan_id", .integer), ("kind", .text), ("source_id", .integer),
            ("amount_cents", .integer), ("created_at", .date), ("day", .text), ("charged_back_at", .date),
        ]),
        SchemaTable("chargeback", [("id", .integer), ("earning_id", .integer), ("creator_id", .integer), ("created_at", .date)]),
        SchemaTable("subscriber_detail", key: ["creator_id", "fan_id"], sequence: false, [
            ("creator_id", .integer), ("fan_id", .integer), ("notice", .text), ("display_name", .text), ("discount_percent", .integer),
            ("discount_period", .integer), ("discount_started_at", .date),
        ]),
        SchemaTable("user_list", [
            ("id", .integer), ("creator_id", .integer), ("name", .text), ("created_at", .date), ("users_count", .integer),
        ]),
        SchemaTable("user_list_member", key: ["list_id", "fan_id"], sequence: false, [
            ("list_id", .integer), ("fan_id", .integer), ("added_at", .date),
        ]),
        SchemaTable("vault_list", [
            ("id", .integer), ("creator_id", .integer), ("name", .text), ("created_at", .date), ("photos_count", .integer),
            ("videos_count", .integer), ("gifs_count", .integer), ("audios_count", .integer),
        ]),
        SchemaTable("vault_list_media", key: ["list_id", "media_id"], sequence: false, [
            ("list_id", .integer), ("media_id", .integer), ("added_at", .date),
        ]),
        SchemaTable("upload", key: ["id"], sequence: false, [
            ("id", .text), ("creator_id", .integer), ("filename", .text), ("size", .integer), ("content_type", .text), ("created_at", .date),
            ("media_id", .integer),
        ]),
        SchemaTable("upload_part", key: ["upload_id", "part_number"], sequence: false, [
            ("upload_id", .text), ("part_number", .integer), ("size", .integer), ("etag", .text),
        ]),
        SchemaTable("fan_out_turn", key: ["creator_id"], sequence: false, [("creator_id", .integer), ("turn", .integer)]),
        SchemaTable("creator_clock", key: ["creator_id"], sequence: false, [("creator_id", .integer), ("offset_seconds", .real)]),
        SchemaTable("daily_activity", key: ["creator_id", "kind", "day"], sequence: false, [
            ("creator_id", .integer), ("kind", .text), ("day", .text), ("count", .integer), ("gross_cents", .integer),
        ]),
        SchemaTable("idempotency_key", key: ["connection_id", "key"], sequence: false, [
            ("connection_id", .text), ("key", .text), ("fingerprint", .bytes), ("token", .text), ("taken_at", .date), ("written", .boolean),
            ("status", .integer), ("content_type", .text), ("body", .bytes),
        ]),
        SchemaTable("webhook_endpoint", [
            ("id", .integer), ("organization_id", .integer), ("url", .text), ("events", .text), ("secret", .text), ("created_at", .date),
            ("disabled_at", .date),
        ]),
        SchemaTable("webhook_delivery", [
            ("id", .integer), ("endpoint_id", .integer), ("event_id", .text), ("type", .text), ("connection_id", .text), ("subject_id", .integer),
            ("fan_id", .integer), ("payload", .bytes), ("attempts", .integer),
            ("last_status", .integer), ("next_attempt_at", .date), ("state", .text), ("created_at", .date),
        ]),
        SchemaTable("console_session", key: ["token_hash"], sequence: false, copied: false, [
            ("token_hash", .bytes), ("organization_id", .integer), ("connection_id", .text), ("csrf_token", .text),
            ("expires_at", .date), ("api_key_lookup_id", .text), ("api_key_hash", .bytes),
        ]),
        SchemaTable("upload_reservation", sequence: false, copied: false, [
            ("id", .text), ("upload_id", .text), ("bytes", .integer), ("renewed_at", .date),
        ]),
    ]

    /// The tables `fanout copy` moves, in foreign-key order: all but console
    /// sign-ins (sign in again) and room held by uploads under way.
    public static var copiedTables: [SchemaTable] { tables.filter(\.isCopied) }

    /// Columns only SQLite has: where a queued mass message's fan-out stands
    /// (a `fan_out_slice` row on PostgreSQL, which several instances share).
    public static let sqliteOnly: Set<String> = ["mass_message.fan_out_cursor"]

    /// Tables and columns only PostgreSQL has: the fan-out's slices, the rate
    /// limit buckets several instances share, the change count that keeps the
    /// chat page's cached facts right, the migrations' own bookkeeping.
    public static let postgresOnly: Set<String> = [
        "fan_out_slice.mass_message_id", "fan_out_slice.slice", "fan_out_slice.cursor", "fan_out_slice.last_fan_id",
        "mass_message.fan_out_slices_left", "mass_message_changes.creator_id", "mass_message_changes.changes",
        "rate_limit_bucket.connection_id", "rate_limit_bucket.tokens", "rate_limit_bucket.allowed", "rate_limit_bucket.updated_at",
        "sandbox_clock.id", "sandbox_clock.offset_seconds", "fanout_migrations.name", "fanout_migrations.applied_at",
    ]

    /// Every `table.column` both engines have.
    public static var sharedColumns: Set<String> {
        Set(tables.flatMap { table in table.columns.map { "\(table.name).\($0.name)" } })
    }
}
