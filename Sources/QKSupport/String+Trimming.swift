extension String {
    /// The text without leading and trailing spaces (only U+0020: values are typed on one line).
    package var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
