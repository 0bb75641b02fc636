import Foundation

/// How `moments` and `scaling` print their table on standard output (the file they write is CSV).
public enum TableFormat: String, Sendable, CaseIterable {
    /// Aligned columns, the ones a reader looks at first, numbers to 4 significant digits.
    case text
    /// The whole table as RFC 4180 CSV, as in the file.
    case csv
    /// The whole table as a JSON array of objects; numbers as numbers, empty fields as null.
    case json

    /// A table rendered in this format; `text` keeps only `columns` (those present).
    public func render(_ table: Table, columns: [String]) -> String {
        switch self {
        case .csv:
            return String(decoding: table.bytes, as: UTF8.self)
        case .json:
            let rows: [JSONText.Value] = table.rows.map { row in .object(zip(table.header, row).map { ($0, $1.json) }) }
            return JSONText.Value.array(rows).text + "\n"
        case .text:
            let kept = columns.compactMap { table.header.firstIndex(of: $0) }
            let numeric = Set(kept.indices.filter { i in table.rows.allSatisfy { $0[kept[i]].isNumeric } })
            var text = TextTable(header: kept.map { table.header[$0] }, rightAligned: numeric)
            for row in table.rows { text.append(kept.map { row[$0].short }) }
            return text.text.hasSuffix("\n") ? text.text : text.text + "\n"
        }
    }
}
