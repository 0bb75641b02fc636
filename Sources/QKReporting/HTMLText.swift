/// Text made safe for HTML: the report's data never reaches the page as markup.
enum HTMLText {
    /// `text` with `&`, `<`, `>` and `"` replaced by entities, for element content and quoted attributes.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
