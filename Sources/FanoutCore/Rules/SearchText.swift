/// Searches of stored text. No stored text holds a NUL character (a text or
/// name with one is refused on write, since PostgreSQL's `text` cannot hold
/// it), so a search for one finds nothing, whatever the backend: decided
/// here once, before storage (SQLite's `instr` would stop at the NUL and
/// match; PostgreSQL would refuse the parameter).
public enum SearchText {
    public static func findsNothing(_ search: String?) -> Bool {
        search?.utf8.contains(0) == true
    }
}
