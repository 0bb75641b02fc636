import Foundation
import QKSupport

/// How `moments` and `scaling` print their table on standard output (the file they write is CSV).
public enum TableFormat: String, Sendable, CaseIterable {
    /// Aligned columns, the ones a reader looks at first, numbers to 4 significant digits.
    case text
    /// The whole table as RFC 4180 CSV, as in the file.
    case csv
    /// The whole table as a JSON array of objects; numbers as numbers, empty fields as null.
    case json

    /// A table rendered in this format; `text` keeps only `columns` (those present).
    public func render(_ table: CSVTable, columns: [String]) -> String {
        switch self {
        case .csv:
            return String(decoding: table.bytes, as: UTF8.self)
        case .json:
            let rows: [JSONText.Value] = table.rows.map { row in
                .object(zip(table.header, row).map { name, field in
                    (name, field.isEmpty ? .null : Double(field).map { .number($0) } ?? .string(field))
                })
            }
            return JSONText.Value.array(rows).text + "\n"
        case .text:
            let kept = columns.compactMap { table.header.firstIndex(of: $0) }
            let numeric = Set(kept.indices.filter { i in table.rows.allSatisfy { Double($0[kept[i]]) != nil || $0[kept[i]].isEmpty } })
            var text = TextTable(header: kept.map { table.header[$0] }, rightAligned: numeric)
            for row in table.rows {
                text.append(kept.map { i in Double(row[i]).map(NumberText.short) ?? row[i] })
            }
            return text.text.hasSuffix("\n") ? text.text : text.text + "\n"
        }
    }
}
