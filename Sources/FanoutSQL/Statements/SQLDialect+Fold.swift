extension SQLDialect {
    /// `column` folded for a search, as the searched pages already fold it:
    /// SQLite's `fanout_fold` (case and accents, registered on each
    /// connection), PostgreSQL's ICU `lower`. The needle is folded the same
    /// way by the backend before it is bound.
    public func folded(_ column: String) -> String {
        switch self {
        case .sqlite: "fanout_fold(\(column))"
        case .postgres: "lower(\(column) COLLATE \"und-x-icu\")"
        }
    }
}
