extension LatexTable {
    /// A typed table set in LaTeX: each column's heading and number style from its ``Column``,
    /// aligned on the decimal point where every value is a single number, centred otherwise, a
    /// paragraph where it holds formulas; titles over runs of columns sharing a group.
    ///
    /// With `foldingConstants`, a column with one value in every row is said once, in the caption,
    /// so a wide table fits a page.
    init(_ table: Table, columns asked: [Int]? = nil, foldingConstants: Bool = false) {
        let asked = asked ?? Array(table.headings.indices)
        let constant = foldingConstants && table.rows.count > 1 ? asked.filter { c in table.rows.allSatisfy { $0[c] == table.rows[0][c] } } : []
        let kept = asked.filter { !constant.contains($0) }
        // Formulas and long words wrap in paragraphs; single numbers align on the decimal point.
        let columns = kept.map { c -> Column in
            let values = table.rows.map { $0[c] }
            let longest = values.map { $0.shown(table.headings[c].style).count }.max() ?? 0
            let kind: Column.Kind = values.contains(where: \.wraps) ? .paragraph("3cm")
                : values.allSatisfy(\.isScalar) && table.headings[c].style != .pValue ? .number
                : values.allSatisfy({ if case .text = $0 { true } else { $0 == .empty } }) && longest > 14 ? .paragraph("2cm") : .centered
            return Column(table.headings[c].latex, kind)
        }
        // The type size from the widest row's characters: about 75 fit a page's text width in \\small,
        // 85 in \\footnotesize, 100 in \\scriptsize. A paragraph column counts its 24 characters (it
        // wraps); any other its longest value (an estimate ± SE [exact] with a small SE is 33), and
        // 6 more where it holds such comparisons, which LaTeX sets wider than their characters (the
        // spaces around ± and before the bracket): three columns of them at 90 characters ran 9 pt
        // past a one-column page in \\scriptsize.
        let width = zip(kept, columns).reduce(0) { sum, pair in
            let (c, column) = pair
            let longest = table.rows.map { $0[c].shown(table.headings[c].style).count }.max() ?? 0
            if case .paragraph = column.kind { return sum + Swift.min(longest, 24) + 2 }
            let compares = table.rows.contains { if case .compared = $0[c] { true } else { false } }
            return sum + longest + 2 + (compares ? 6 : 0)
        }
        let same = constant.map { c in
            let value = table.rows[0][c].latex(table.headings[c].style)
            return "\(table.headings[c].latex) = \(value.isEmpty ? "empty" : (table.rows[0][c].isScalar && value.first != "$" ? "$\(value)$" : value))"
        }
        var groups: [(title: String, span: Int)] = []
        for c in kept {
            let title = table.headings[c].group
            if let last = groups.last, last.title == title { groups[groups.count - 1].span += 1 } else { groups.append((title, 1)) }
        }
        self.init(caption: table.caption + (same.isEmpty ? "" : " In every row: " + same.joined(separator: ", ") + "."),
                  label: table.label, columns: columns,
                  rows: table.rows.map { row in
                      zip(kept, columns).map { c, column in
                          let cell = row[c].latex(table.headings[c].style)
                          // A number outside a `D` column (p-values, which `\\times 10^{k}` makes wide) is set in math itself.
                          if case .number = column.kind { return cell }
                          return row[c].isScalar && !cell.isEmpty && cell.first != "$" && row[c] != .empty ? "$\(cell)$" : cell
                      }
                  },
                  groups: groups.contains { !$0.title.isEmpty } ? groups : [],
                  size: width > 100 ? "tiny" : width > 85 || columns.count > 9 ? "scriptsize" : width > 75 || columns.count > 6 ? "footnotesize" : "small")
    }
}
