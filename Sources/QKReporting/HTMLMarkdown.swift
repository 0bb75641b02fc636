import Foundation

/// The report's Markdown as HTML: the subset ``ReportDocument`` writes, converted exactly.
///
/// Blocks: ATX headings, paragraphs, `-`/`*` and `1.` lists (one level, continuation lines indented),
/// pipe tables with a delimiter row, indented and fenced code blocks, and an image alone on its
/// line, which becomes a `<figure>` (with the paragraph `*caption*` right after it as its
/// `<figcaption>`). Inline: code spans, `**strong**` and `*emphasis*` (not inside a word, so
/// `d*mu^2` stays a formula), links, and backslash escapes; `_` is never emphasis. Text is escaped;
/// claim labels (`Var(T) = d*sigma^2`) and the prose's ASCII math become MathML (``HTMLMath``).
struct HTMLMarkdown: Sendable {
    /// The markup of an image's source (an inline `<svg>`), or nil where there is none.
    let image: @Sendable (_ source: String, _ alt: String) -> String?

    /// The HTML of a Markdown document's blocks.
    ///
    /// - Complexity: O(n) in the document's length, but for the prose's math spans.
    func html(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var out = "", i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.isEmpty { i += 1; continue }
            if let (level, text) = Self.heading(line) {
                out += "<h\(level)>\(inline(text))</h\(level)>\n"; i += 1
            } else if line.hasPrefix("```") {
                var code: [String] = []
                i += 1
                while i < lines.count, !lines[i].hasPrefix("```") { code.append(lines[i]); i += 1 }
                i += 1
                out += Self.codeBlock(code)
            } else if line.hasPrefix("    ") {
                var code: [String] = []
                while i < lines.count, lines[i].hasPrefix("    ") || lines[i].trimmingLeadingSpaces.isEmpty {
                    code.append(lines[i].hasPrefix("    ") ? String(lines[i].dropFirst(4)) : ""); i += 1
                }
                while code.last?.isEmpty == true { code.removeLast() }
                out += Self.codeBlock(code)
            } else if line.hasPrefix("|"), i + 1 < lines.count, Self.isDelimiterRow(lines[i + 1]) {
                let delimiter = lines[i + 1]
                var body: [String] = []
                i += 2
                while i < lines.count, lines[i].hasPrefix("|") { body.append(lines[i]); i += 1 }
                out += table(header: line, delimiter: delimiter, body: body)
            } else if let (source, alt) = Self.image(line) {
                i += 1
                var caption: String?
                var j = i
                while j < lines.count, lines[j].trimmingLeadingSpaces.isEmpty { j += 1 }
                if j < lines.count, lines[j] == "*\(alt)*", j + 1 == lines.count || lines[j + 1].isEmpty {
                    caption = alt; i = j + 1
                }
                out += figure(source: source, alt: alt, caption: caption)
            } else if Self.listItem(line) != nil {
                let ordered = Self.listItem(line)!.ordered
                var items: [String] = []
                while i < lines.count {
                    if let item = Self.listItem(lines[i]), item.ordered == ordered {
                        items.append(item.text)
                    } else if lines[i].hasPrefix("  "), !lines[i].trimmingLeadingSpaces.isEmpty, !items.isEmpty {
                        items[items.count - 1] += " " + lines[i].trimmingLeadingSpaces
                    } else {
                        break
                    }
                    i += 1
                }
                let tag = ordered ? "ol" : "ul"
                out += "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
            } else {
                var text = [trimmed]
                i += 1
                while i < lines.count, !lines[i].trimmingLeadingSpaces.isEmpty, !startsBlock(lines, i) {
                    text.append(lines[i].trimmingLeadingSpaces); i += 1
                }
                out += "<p>\(inline(text.joined(separator: "\n")))</p>\n"
            }
        }
        return out
    }

    /// Whether line `i` starts a block other than a paragraph, ending the paragraph before it.
    private func startsBlock(_ lines: [String], _ i: Int) -> Bool {
        let line = lines[i]
        return Self.heading(line) != nil || line.hasPrefix("```") || Self.listItem(line) != nil || Self.image(line) != nil
            || line.hasPrefix("|") && i + 1 < lines.count && Self.isDelimiterRow(lines[i + 1])
    }

    /// `(level, text)` of an ATX heading (`## Text`).
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        var text = Substring(line.dropFirst(hashes + 1))
        while text.last == " " || text.last == "#" { text = text.dropLast() }
        return (hashes, String(text))
    }

    /// A list item's text, and whether the list is ordered (`1. `) or not (`- `, `* `).
    static func listItem(_ line: String) -> (text: String, ordered: Bool)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") && !line.hasPrefix("* *") { return (String(line.dropFirst(2)), false) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return (String(line.dropFirst(digits.count + 2)), true) }
        return nil
    }

    /// `(source, alt)` of a line that is one image and nothing else: `![alt](source)`.
    static func image(_ line: String) -> (String, String)? {
        guard line.hasPrefix("!["), line.hasSuffix(")"), let middle = line.range(of: "](", options: .backwards) else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2) ..< middle.lowerBound])
        let source = String(line[middle.upperBound ..< line.index(before: line.endIndex)])
        guard !source.contains(" "), !alt.contains("](") else { return nil }
        return (source, alt)
    }

    /// Whether a line is a table's delimiter row (`|---:|---|`).
    static func isDelimiterRow(_ line: String) -> Bool {
        let cells = Self.cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            let c = cell.trimmingCharacters(in: .whitespaces)
            return c.count >= 3 && c.allSatisfy { $0 == "-" || $0 == ":" } && c.contains("-")
        }
    }

    /// The cells of a table row: split at `|` outside code spans and not escaped (`\|`), outer pipes dropped.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = [], cell = "", inCode = false, escaped = false
        for c in row {
            if escaped { cell.append(c); escaped = false; continue }
            if c == "\\" && !inCode { cell.append(c); escaped = true; continue }
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        cells.append(cell)
        if row.hasPrefix("|") { cells.removeFirst() }
        if row.hasSuffix("|") && cells.count > 0 && cells.last!.isEmpty { cells.removeLast() }
        // `\|` in a cell is a literal pipe.
        return cells.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\|", with: "|") }
    }

    /// A table in a wrapper that scrolls sideways, so the page itself never overflows.
    private func table(header: String, delimiter: String, body: [String]) -> String {
        let alignments = Self.cells(delimiter).map { cell -> String in
            let c = cell.trimmingCharacters(in: .whitespaces)
            switch (c.hasPrefix(":"), c.hasSuffix(":")) {
            case (true, true): return " class=\"c\""
            case (false, true): return " class=\"r\""
            default: return ""
            }
        }
        func row(_ line: String, tag: String) -> String {
            let cells = Self.cells(line)
            let markup = alignments.indices.map { c -> String in
                let text = c < cells.count ? cells[c] : ""
                return "<\(tag)\(alignments[c])>\(HTMLMath.claim(text) ?? inline(text))</\(tag)>"
            }
            return "<tr>" + markup.joined() + "</tr>\n"
        }
        return "<div class=\"table-wrap\"><table>\n<thead>\n" + row(header, tag: "th") + "</thead>\n<tbody>\n"
            + body.map { row($0, tag: "td") }.joined() + "</tbody>\n</table></div>\n"
    }

    /// A figure: the image's markup and its caption, or a visible note where the image is missing.
    private func figure(source: String, alt: String, caption: String?) -> String {
        let body = image(source, alt) ?? "<p class=\"missing\">Figure missing: \(HTMLText.escape(source))</p>"
        let captionMarkup = caption.map { "<figcaption>\(inline($0))</figcaption>\n" } ?? ""
        return "<figure>\n\(body)\n\(captionMarkup)</figure>\n"
    }

    /// A code block, its text escaped.
    static func codeBlock(_ lines: [String]) -> String {
        "<pre><code>" + HTMLText.escape(lines.joined(separator: "\n")) + "</code></pre>\n"
    }

    /// Inline Markdown as HTML.
    func inline(_ text: String) -> String {
        let s = Array(text)
        var out = "", plain = "", i = 0
        func flush() { out += HTMLMath.prose(plain); plain = "" }
        func isSpace(_ i: Int) -> Bool { i < 0 || i >= s.count || s[i].isWhitespace }
        func isOpenBoundary(_ i: Int) -> Bool { i < 0 || s[i].isWhitespace || s[i] == "(" || s[i] == "[" || s[i] == "\"" }
        func isCloseBoundary(_ i: Int) -> Bool { i >= s.count || s[i].isWhitespace || (s[i].isPunctuation && s[i] != "*") }
        /// The index of the closing delimiter for an opening one of `width` stars at `i`.
        func closing(_ width: Int, from i: Int) -> Int? {
            var j = i + width + 1
            while j + width <= s.count {
                if s[j] == "`" { j = (codeSpanEnd(s, j) ?? j) + 1; continue }
                if (j ..< j + width).allSatisfy({ s[$0] == "*" }), !isSpace(j - 1), isCloseBoundary(j + width),
                   width == 2 || (s[j - 1] != "*" && (j + 1 >= s.count || s[j + 1] != "*")) {
                    return j
                }
                j += 1
            }
            return nil
        }
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count, s[i + 1].isASCII, s[i + 1].isPunctuation || s[i + 1].isSymbol {
                plain.append(s[i + 1]); i += 2
            } else if c == "`", let end = codeSpanEnd(s, i) {
                flush()
                let ticks = s[i...].prefix { $0 == "`" }.count
                var code = String(s[(i + ticks) ..< (end - ticks + 1)])
                if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) { code = String(code.dropFirst().dropLast()) }
                out += "<code>\(HTMLText.escape(code))</code>"; i = end + 1
            } else if c == "[", let (label, url, end) = link(s, i) {
                flush()
                out += "<a href=\"\(HTMLText.escape(url))\">\(inline(label))</a>"; i = end
            } else if c == "*", isOpenBoundary(i - 1) {
                let width = i + 1 < s.count && s[i + 1] == "*" ? 2 : 1
                if !isSpace(i + width), let end = closing(width, from: i) {
                    flush()
                    let content = String(s[(i + width) ..< end])
                    let tag = width == 2 ? "strong" : "em"
                    out += "<\(tag)>\(HTMLMath.claim(content) ?? inline(content))</\(tag)>"; i = end + width
                } else {
                    plain.append(c); i += 1
                }
            } else {
                plain.append(c); i += 1
            }
        }
        flush()
        return out
    }

    /// The index of the last backtick of the code span opening at `i`, or nil where it does not close.
    private func codeSpanEnd(_ s: [Character], _ i: Int) -> Int? {
        let ticks = s[i...].prefix { $0 == "`" }.count
        var j = i + ticks
        while j < s.count {
            if s[j] == "`" {
                let run = s[j...].prefix { $0 == "`" }.count
                if run == ticks { return j + run - 1 }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// A link `[label](url)` at `i`: its label, its URL and the index after it.
    private func link(_ s: [Character], _ i: Int) -> (String, String, Int)? {
        var depth = 0, j = i
        while j < s.count {
            if s[j] == "[" { depth += 1 } else if s[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j + 1 < s.count, s[j + 1] == "(", let close = s[(j + 1)...].firstIndex(of: ")") else { return nil }
        let url = String(s[(j + 2) ..< close])
        guard !url.isEmpty, !url.contains(" ") else { return nil }
        return (String(s[(i + 1) ..< j]), url, close + 1)
    }
}

fileprivate extension String {
    /// The string without its leading spaces.
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
