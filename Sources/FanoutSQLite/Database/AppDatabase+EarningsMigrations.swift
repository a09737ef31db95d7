import FanoutSQL
import GRDB

extension AppDatabase {
    /// The migrations of issue 30's earnings and subscriber details, after
    /// the others in `migrator`. Append-only, as they are.
    static func registerEarningsMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("keepEarningsAndSubscriberDetails") { db in
            // The earnings ledger: one row per tip or purchase (`source_id`:
            // the tip's message, the purchase), ids in time order, so a page
            // is an index walk from a marker; `day` (UTC) groups the chart.
            // A chargeback marks its earning and has a row of its own.
            // A creator's note, nickname and discount per subscriber.
            try db.execute(sql: """
                CREATE TABLE earning (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    creator_id INTEGER NOT NULL REFERENCES app_user(id),
                    fan_id INTEGER NOT NULL REFERENCES app_user(id),
                    kind TEXT NOT NULL,
                    source_id INTEGER NOT NULL,
                    amount_cents INTEGER NOT NULL,
                    created_at DATETIME NOT NULL,
                    day TEXT NOT NULL,
                    charged_back_at DATETIME);
                CREATE UNIQUE INDEX earning_source ON earning(kind, source_id);
                CREATE INDEX earning_creator ON earning(creator_id, id);
                CREATE INDEX earning_creator_day ON earning(creator_id, day);
                CREATE TABLE chargeback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    earning_id INTEGER NOT NULL UNIQUE REFERENCES earning(id),
                    creator_id INTEGER NOT NULL REFERENCES app_user(id),
                    created_at DATETIME NOT NULL);
                CREATE INDEX chargeback_creator ON chargeback(creator_id, id);
                CREATE TABLE subscriber_detail (
                    creator_id INTEGER NOT NULL REFERENCES app_user(id),
                    fan_id INTEGER NOT NULL REFERENCES app_user(id),
                    notice TEXT NOT NULL DEFAULT '',
                    display_name TEXT NOT NULL DEFAULT '',
                    discount_percent INTEGER NOT NULL DEFAULT 0,
                    discount_period INTEGER NOT NULL DEFAULT 0,
                    discount_started_at DATETIME,
                    PRIMARY KEY (creator_id, fan_id)) WITHOUT ROWID;
                """)
            // The tips and purchases already kept, in the ledger (the text of
            // `EarningStatements.recordMissing` when this landed: a landed
            // migration never changes with the code).
            try db.execute(sql: """
                INSERT INTO earning (creator_id, fan_id, kind, source_id, amount_cents, created_at, day)
                SELECT t.creator_id, t.fan_id, t.kind, t.source_id, t.amount_cents, t.created_at, substr(t.created_at, 1, 10)
                FROM (SELECT c.creator_id, c.fan_id, 'tips' AS kind, m.id AS source_id, m.price_cents AS amount_cents, m.created_at
                      FROM message m JOIN chat c ON c.id = m.chat_id WHERE m.is_tip
                      UNION ALL
                      SELECT p.creator_id, p.fan_id, 'chat_messages', p.id, p.amount_cents, p.created_at FROM purchase p) t
                WHERE NOT EXISTS (SELECT 1 FROM earning e WHERE e.kind = t.kind AND e.source_id = t.source_id)
                ORDER BY t.created_at, t.source_id

                """)
        }
    }
}
