/// One column of a table of `Row`s: its name (the CSV header and JSON key), what it means, and how a
/// row gives its value. A table is a list of columns; every format renders from them.
public struct Column<Row>: Sendable {
    /// The column's name in CSV headers, JSON keys and figure scripts.
    public let name: String
    /// What the column holds, in a sentence (for documentation and captions).
    public let meaning: String
    /// The column's heading in a LaTeX table (math in `$...$`).
    public let latex: String
    /// How a reader's table shows its numbers (CSV and JSON keep every digit).
    public let style: NumberStyle
    /// The title a LaTeX table sets over this column and its neighbours with the same title ("" for none).
    public let group: String
    /// The row's value in this column.
    public let value: @Sendable (Row) -> TableValue

    /// A column; its LaTeX heading is `latex`, or its name in typewriter type.
    public init(_ name: String, _ meaning: String, latex: String? = nil, style: NumberStyle = .standard, group: String = "",
                _ value: @escaping @Sendable (Row) -> TableValue) {
        self.name = name
        self.meaning = meaning
        self.latex = latex ?? "\\texttt{\(LatexTable.escape(name))}"
        self.style = style
        self.group = group
        self.value = value
    }
}

extension Array {
    /// The table of these rows under `columns`.
    package func table(_ columns: [Column<Element>]) -> Table { Table(self, columns: columns) }
}
