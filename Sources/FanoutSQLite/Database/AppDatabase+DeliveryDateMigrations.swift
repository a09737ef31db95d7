import GRDB

extension AppDatabase {
    /// Issue 30's chat order: a delivery written late carries its own date. Append-only.
    static func registerDeliveryDateMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("dateLateDeliveries") { db in
            // NULL (nearly every delivery): dated when its send started; see `DeliveryDate`.
            try db.execute(sql: "ALTER TABLE mass_delivery ADD COLUMN delivered_at DATETIME")
        }
    }
}
