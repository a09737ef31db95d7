/// Issue 30's chat order, after the others in `PostgresSchema.migrations`. Append-only.
extension PostgresSchema {
    static let deliveryDateMigrations: [PostgresMigration] = [
        // NULL (nearly every delivery: no bytes, the row's null bitmap fits
        // its header's padding): dated when its send started; see `DeliveryDate`.
        PostgresMigration("dateLateDeliveries", ["ALTER TABLE mass_delivery ADD COLUMN delivered_at timestamptz"]),
    ]
}
