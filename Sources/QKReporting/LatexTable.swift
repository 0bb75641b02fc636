import Foundation

/// A paper-ready booktabs table: math-mode headers, numbers aligned on the decimal point (dcolumn's
/// `D` columns, in math mode, so minus signs are minus signs), powers of ten as `\times 10^{k}`,
/// p-values that underflowed as `< 10^{-300}`, `\small` type so a table fits a page.
///
/// Needs `\usepackage{booktabs,dcolumn,array}` (all in TeX Live's base and recommended sets).
struct LatexTable: Sendable {
    /// A column: its LaTeX header and how its cells are set.
    package struct Column: Sendable {
        /// The header, LaTeX (math in `$...$`).
        package let header: String
        /// The column's cells.
        package let kind: Kind

        /// How cells are set.
        package enum Kind: Sendable {
            /// Numbers, aligned on the decimal point; cells are LaTeX math (see ``LatexTable/number(_:_:)``).
            case number
            /// Centred cells, LaTeX as given.
            case centered
            /// Left-aligned paragraph of this width, LaTeX as given.
            case paragraph(String)
        }

        /// A column.
        package init(_ header: String, _ kind: Kind = .number) {
            self.header = header
            self.kind = kind
        }

        var spec: String {
            switch kind {
            case .number: "D{.}{.}{-1}"
            case .centered: "c"
            case let .paragraph(width): ">{\\raggedright\\arraybackslash}p{\(width)}"
            }
        }
    }

    /// The caption: what the table shows (and what it leaves out).
    let caption: String
    /// The label, for \ref.
    package let label: String
    /// The columns: heading and alignment of each.
    package let columns: [Column]
    /// The rows of LaTeX cells.
    package let rows: [[String]]
    /// A header row above the column headers: titles spanning runs of columns ("" for none).
    let groups: [(title: String, span: Int)]
    /// The type size: `small`, or `footnotesize`, `scriptsize` or `tiny` for ever wider tables.
    package let size: String

    /// A table.
    package init(caption: String, label: String, columns: [Column], rows: [[String]], groups: [(title: String, span: Int)] = [],
                size: String = "small") {
        precondition(rows.allSatisfy { $0.count == columns.count })
        precondition(groups.isEmpty || groups.reduce(0) { $0 + $1.span } == columns.count)
        self.caption = caption
        self.label = label
        self.columns = columns
        self.rows = rows
        self.groups = groups
        self.size = size
    }

    /// The LaTeX source.
    var source: String {
        let header = columns.map { c -> String in
            if case .number = c.kind { return "\\multicolumn{1}{c}{\(c.header)}" }
            return c.header
        }
        // A caption above a table needs space below it, or it touches the top rule. table* spans both
        // columns of a two-column paper (in one column it is table).
        var lines = ["\\begin{table*}[tbp]", "\\centering", "\\\(size)", "\\setlength{\\tabcolsep}{3pt}",
                     "\\setlength{\\belowcaptionskip}{6pt}", "\\caption{\(caption)}", "\\label{\(label)}",
                     "\\begin{tabular}{" + columns.map(\.spec).joined() + "}", "\\toprule"]
        if !groups.isEmpty {
            lines.append(groups.map { $0.title.isEmpty ? Array(repeating: "", count: $0.span).joined(separator: " & ")
                                                        : "\\multicolumn{\($0.span)}{c}{\($0.title)}" }.joined(separator: " & ") + " \\\\")
            var first = 1
            var rules: [String] = []
            for group in groups {
                if !group.title.isEmpty { rules.append("\\cmidrule(lr){\(first)-\(first + group.span - 1)}") }
                first += group.span
            }
            lines.append(rules.joined())
        }
        lines += [header.joined(separator: " & ") + " \\\\", "\\midrule"]
        lines += rows.map { $0.joined(separator: " & ") + " \\\\" }
        lines += ["\\bottomrule", "\\end{tabular}", "\\end{table*}", ""]
        return lines.joined(separator: "\n")
    }

    /// A number for a `D` column: `digits` significant digits, and `m \times 10^{k}` outside
    /// [10^-4, 10^6); empty for NaN.
    package static func number(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "" : (x > 0 ? "\\infty" : "-\\infty") }
        if x == 0 || (Swift.abs(x) >= 1e-4 && Swift.abs(x) < 1e6) {
            let text = String(format: "%.\(digits)g", x)
            // %g writes 10200 to 3 digits as 1.02e+04, which math mode sets as a product with e.
            return text.contains("e") ? String(format: "%.0f", Double(text) ?? x) : text
        }
        let exponent = Int(floor(log10(Swift.abs(x))))
        let mantissa = x / pow(10, Double(exponent))
        return String(format: "%.\(max(digits - 1, 1))g", mantissa) + "\\times 10^{\(exponent)}"
    }

    /// A p-value for a `D` column: `< 10^{-300}` where it underflowed to 0.
    static func pValue(_ p: Double) -> String {
        p == 0 ? "<10^{-300}" : number(p, 3)
    }

    /// Plain text made safe for LaTeX (for formulas shown in `\texttt`), with a break allowed after
    /// each operator so a long formula wraps in a narrow column.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "*", "+", "=", "/", ",": out += "\(c)\\allowbreak{}"
            case "_", "%", "&", "#", "$", "{", "}": out += "\\\(c)"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "\\": out += "\\textbackslash{}"
            default: out.append(c)
            }
        }
        return out
    }
}
