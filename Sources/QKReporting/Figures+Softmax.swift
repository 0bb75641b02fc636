import QKSupport

extension Figures {
    /// The largest weight and the entropy against d, at a base mean and a shifted one, `keys` keys per query.
    ///
    /// Two panels: side by side, or one above the other in a column (each would be too narrow).
    static func softmaxFigure(means: (Double, Double), keys: Int, dims: [Int], size: FigureSize) -> Figure {
        func softmaxCaption(means: (Double, Double), keys: Int) -> String {
            let (a, b) = (NumberText.format(means.0), NumberText.format(means.1))
            let within = "tau = sqrt(d sigma^2 (sigma^2 + mu^2)), the spread of the logits given q (one tau per cell)"
            let shifted = means.0 == means.1 ? " and with \(within)"
                : "; at mu = \(b) with tau = sqrt(d), and with \(within), whose series lies under the mu = \(a), tau = sqrt(d) one: it gives the shifted logits the unshifted attention"
            return "Softmax over the keys as d grows, by temperature tau. Attention with \(keys) keys: the mean largest weight and the entropy "
                + "of the weights over log N against d, with one-SE error bars, at mu = \(a) unscaled (tau = 1) and with tau = sqrt(d)\(shifted)."
        }
        let (m0, m1) = (NumberText.gnuplot(means.0), NumberText.gnuplot(means.1))
        let (t, mu) = (FigureText.tau, FigureText.mu)
        // (mean, scale, style, legend); sqrt(d) at the shifted mean where the grid has one (else it repeats the first).
        var series = [(m0, "none", 2, "\(mu) = \(FigureText.number(means.0)), \(t) = 1"),
                      (m1, "within_query", 3, "\(mu) = \(FigureText.number(means.1)), \(t) = within-query sd"),
                      (m0, "sqrt_d", 1, "\(mu) = \(FigureText.number(means.0)), \(t) = \(FigureText.sqrtD)")]
        if m0 != m1 { series.append((m1, "sqrt_d", 4, "\(mu) = \(FigureText.number(means.1)), \(t) = \(FigureText.sqrtD)")) }
        let stacked = size == .column
        let layout = FigureLayout(size: size, rows: stacked ? 2 : 1, columns: stacked ? 1 : 2, keyEntries: series.count,
                                  keyChars: series.map { FigureText.plain($0.3).count }.max() ?? 0,
                                  keyTitle: "\(FigureText.n) = \(keys) keys per query", yTickChars: 4, sharedX: stacked)
        let axis = DimensionAxis(dims: dims, plotWidth: layout.plotWidth, fontPoints: size.fontPoints)
        let shown = series.map { "(column(\"mu\") == \($0.0) && strcol(\"scale\") eq \"\($0.1)\")" }.joined(separator: " || ")
        func panel(_ index: Int, _ column: String, _ label: String) -> String {
            let plots = series.map { s in
                "\"softmax.csv\" using \"d\":(sel(\(s.0), \"\(s.1)\", \"\(column)\")):\"\(column)_se\" with yerrorlines ls \(s.2) notitle"
            }
            return """
                \(layout.panel(index))
                set ylabel "\(label)"
                \(yRange("softmax.csv", low: "shown(column(\"\(column)\") - column(\"\(column)_se\"))",
                         high: "shown(column(\"\(column)\") + column(\"\(column)_se\"))", log: false, maxTicks: layout.maxYTicks))
                plot \(plots.joined(separator: ", \\\n     "))
                """
        }
        return Figure(file: "softmax.svg",
                      caption: softmaxCaption(means: means, keys: keys),
                      layout: layout, body: """
            set multiplot
            \(axis.commands)
            set xlabel \(stacked ? "\"\"" : "\"dimension \(FigureText.d)\"")
            sel(mu, sc, c) = (column("mu") == mu && strcol("scale") eq sc) ? column(c) : 1/0
            shown(x) = (\(shown)) ? x : 1/0
            \(panel(0, "max_weight", "mean largest weight"))
            set xlabel "dimension \(FigureText.d)"
            \(panel(1, "entropy", "entropy / log \(FigureText.n)"))
            \(layout.key(series.map { "NaN with linespoints ls \($0.2) title \"\($0.3)\"" }))
            unset multiplot

            """)
    }
}
