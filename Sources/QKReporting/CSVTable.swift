/// A table written as RFC 4180 CSV: a header row, CRLF line ends, and fields quoted only when they
/// hold a comma, a double quote, CR or LF (a quote inside is doubled).
package struct CSVTable: Sendable, Hashable {
    /// The column names.
    public let header: [String]
    /// The rows; each has as many fields as the header.
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns.
    public init(header: [String]) {
        self.header = header
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a row has \(row.count) fields for \(header.count) columns")
        rows.append(row)
    }

    /// The CSV text as UTF-8 bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        for row in [header] + rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += CSVTable.escape(field).utf8
            }
            out += [13, 10]
        }
        return out
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
