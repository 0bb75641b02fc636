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
        switch self {
        case .csv:
            return String(decoding: table.bytes, as: UTF8.self)
        case .json:
            let rows: [JSONText.Value] = table.rows.map { row in .object(zip(table.header, row).map { ($0, $1.json) }) }
            return JSONText.Value.array(rows).text + "\n"
        case .text, .markdown:
            let kept = columns.compactMap { table.header.firstIndex(of: $0) }
            var text = TextTable(header: kept.map { table.header[$0] }, rightAligned: TableFormat.numeric(table, kept))
            for row in table.rows { text.append(kept.map { row[$0].short }) }
            if self == .markdown { return text.markdown }
            return text.text.hasSuffix("\n") ? text.text : text.text + "\n"
        case .latex:
            // A column with one value in every row is said once, in the caption, so the table fits a page.
            let asked = columns.compactMap { table.header.firstIndex(of: $0) }
            let constant = table.rows.count > 1 ? asked.filter { c in table.rows.allSatisfy { $0[c] == table.rows[0][c] } } : []
            let kept = asked.filter { !constant.contains($0) }
            let numeric = TableFormat.numeric(table, kept)
            let latexColumns = kept.indices.map { i in
                LatexTable.Column(table.headings[kept[i]].latex, numeric.contains(i) ? .number : .centered)
            }
            let same = constant.map { c in
                let value = table.rows[0][c].latex
                return "\(table.headings[c].latex) = \(value.isEmpty ? "empty" : (table.rows[0][c].isNumeric && value.first != "$" ? "$\(value)$" : value))"
            }
            let caption = table.caption + (same.isEmpty ? "" : " In every row: " + same.joined(separator: ", ") + ".")
            return LatexTable(caption: caption, label: table.label, columns: latexColumns,
                              rows: table.rows.map { row in kept.map { row[$0].latex } },
                              size: latexColumns.count > 6 ? "footnotesize" : "small").source
        }
    }

    /// The positions (in `kept`) of the columns whose every value is a number or empty.
    private static func numeric(_ table: Table, _ kept: [Int]) -> Set<Int> {
        Set(kept.indices.filter { i in table.rows.allSatisfy { $0[kept[i]].isNumeric } })
    }
}
