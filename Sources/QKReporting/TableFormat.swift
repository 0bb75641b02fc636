import Foundation

/// How `moments` and `scaling` print their table on standard output (the file they write is CSV).
public enum TableFormat: String, Sendable, CaseIterable {
    /// Aligned columns, the ones a reader looks at first, numbers to 4 significant digits.
    case text
    /// The whole table as RFC 4180 CSV, as in the file.
    case csv
    /// The whole table as a JSON array of objects; numbers as numbers, empty fields as null.
    case json
    /// The reader's columns as a GitHub Markdown table, numbers to 4 significant digits.
    case markdown
    /// The reader's columns as a booktabs LaTeX table (needs booktabs, dcolumn, array).
    case latex

    /// A table rendered in this format; `text` keeps only `columns` (those present).
    public func render(_ table: Table, columns: [String]) -> String {
        render(table, kept: columns.compactMap { table.header.firstIndex(of: $0) })
    }

    /// A whole table as a reader's Markdown: every column (names may repeat under LaTeX groups),
    /// numbers in their columns' styles.
    public static func markdown(_ table: Table) -> String { TableFormat.markdown.render(table, kept: Array(table.headings.indices)) }

    /// The table rendered with the columns at these positions (text, Markdown and LaTeX; CSV and
    /// JSON are always whole).
    private func render(_ table: Table, kept: [Int]) -> String {
        switch self {
        case .csv:
            return String(decoding: table.bytes, as: UTF8.self)
        case .json:
            let rows: [JSONText.Value] = table.rows.map { row in .object(zip(table.header, row).map { ($0, $1.json) }) }
            return JSONText.Value.array(rows).text + "\n"
        case .text, .markdown:
            var text = TextTable(header: kept.map { table.header[$0] }, rightAligned: TableFormat.numeric(table, kept))
            for row in table.rows { text.append(kept.map { row[$0].shown(table.headings[$0].style) }) }
            if self == .markdown { return text.markdown }
            return text.text.hasSuffix("\n") ? text.text : text.text + "\n"
        case .latex:
            return LatexTable(table, columns: kept, foldingConstants: true).source
        }
    }

    /// The positions (in `kept`) of the columns whose every value is a number or empty.
    private static func numeric(_ table: Table, _ kept: [Int]) -> Set<Int> {
        Set(kept.indices.filter { i in table.rows.allSatisfy { $0[kept[i]].isNumeric } })
    }
}
