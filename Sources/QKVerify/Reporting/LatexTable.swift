/// A booktabs LaTeX table from a header and rows of text.
public struct LatexTable: Sendable {
    /// The caption.
    public let caption: String
    /// The label, for \ref.
    public let label: String
    /// The column names.
    public let header: [String]
    /// The rows.
    public let rows: [[String]]

    /// A table.
    public init(caption: String, label: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.label = label
        self.header = header
        self.rows = rows
    }

    /// The LaTeX source (needs \usepackage{booktabs}).
    public var source: String {
        func escape(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case "_", "%", "&", "#", "$", "{", "}": out += "\\\(c)"
                case "^": out += "\\^{}"
                case "~": out += "\\~{}"
                case "\\": out += "\\textbackslash{}"
                default: out.append(c)
                }
            }
            return out
        }
        var lines = ["\\begin{table}[htbp]", "\\centering", "\\caption{\(escape(caption))}", "\\label{\(label)}",
                     "\\begin{tabular}{" + String(repeating: "r", count: header.count) + "}", "\\toprule",
                     header.map(escape).joined(separator: " & ") + " \\\\", "\\midrule"]
        lines += rows.map { $0.map(escape).joined(separator: " & ") + " \\\\" }
        lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}", ""]
        return lines.joined(separator: "\n")
    }
}
