/// A table for people: columns padded to line up, numbers right-aligned; also as a Markdown table.
package struct TextTable: Sendable, Hashable {
    /// The column names.
    public let header: [String]
    /// The rows, as text.
    public private(set) var rows: [[String]] = []
    /// Which columns are right-aligned (numbers).
    public let rightAligned: Set<Int>

    /// An empty table.
    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count)
        rows.append(row)
    }

    /// Aligned plain text, two spaces between columns, no trailing spaces.
    public var text: String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
        return ([header] + rows).map { row in
            row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return rightAligned.contains(c) ? pad + row[c] : row[c] + (c == row.count - 1 ? "" : pad)
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table (pipes in cells escaped).
    public var markdown: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + header.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
