
/// A table of typed values: named columns and rows of ``TableValue``. CSV, JSON, aligned text and
/// Markdown are all rendered from it (see ``TableFormat``); nothing parses a rendered field back.
public struct Table: Sendable, Hashable {
    /// A column's name (the CSV header and JSON key) and what it holds.
    public struct Heading: Sendable, Hashable {
        /// The name.
        public let name: String
        /// What the column holds, in a sentence.
        public let meaning: String
        /// Its heading in a LaTeX table.
        public let latex: String
        /// How a reader's table shows its numbers.
        public var style: NumberStyle = .standard
        /// The title a LaTeX table sets over it and its neighbours with the same title ("" for none).
        public var group: String = ""
    }

    /// The columns, in order.
    public let headings: [Heading]
    /// The rows; each has a value for every column.
    public private(set) var rows: [[TableValue]] = []
    /// What the table shows, in a sentence or two: a LaTeX table's caption.
    public var caption = ""
    /// A LaTeX label for references (`tab:moments`).
    public var label = "tab:qkverify"

    /// An empty table with these columns.
    public init(headings: [Heading]) {
        self.headings = headings
    }

    /// The rows of `items` under `columns`.
    public init<Row>(_ items: [Row], columns: [Column<Row>]) {
        headings = columns.map { Heading(name: $0.name, meaning: $0.meaning, latex: $0.latex, style: $0.style, group: $0.group) }
        rows = items.map { item in columns.map { $0.value(item) } }
    }

    /// The column names, in order.
    public var header: [String] { headings.map(\.name) }

    /// Appends a row.
    public mutating func append(_ row: [TableValue]) {
        precondition(row.count == headings.count, "a row has \(row.count) fields for \(headings.count) columns")
        rows.append(row)
    }

    /// Appends the rows of another table with the same columns.
    public mutating func append(contentsOf other: Table) {
        precondition(other.header == header)
        rows += other.rows
    }

    /// The table as RFC 4180 CSV text.
    package var csv: CSVTable {
        var table = CSVTable(header: header)
        for row in rows { table.append(row.map(\.csv)) }
        return table
    }

    /// The CSV bytes, as files hold them.
    public var bytes: [UInt8] { csv.bytes }

    /// The column's values, by name (empty when there is no such column).
    public func values(_ name: String) -> [TableValue] {
        guard let c = header.firstIndex(of: name) else { return [] }
        return rows.map { $0[c] }
    }
}
