import QKSupport

extension Figures {
    /// The closed form of Var(q⊤k), as a label: d(σ⁴ + 2μ²σ²).
    static let varianceFormula = "\(FigureText.d)(\(FigureText.sigma)^4 + 2\(FigureText.mu)^2\(FigureText.sigma)^2)"

    /// Var(T) against d with the closed form, one series per (mu, sigma), in line styles `styles`.
    static func varianceFigure(_ variance: [(Double, Double)], styles: [Int], dims: [Int], size: FigureSize) -> Figure {
        momentFigure(file: "variance.svg", series: variance, styles: styles, dims: dims, size: size,
                     caption: "Var(q^T k) grows like d. Estimates against d (log-log) for \(settings(variance)), with one-SE error bars (hidden by the points where smaller); the closed form d(sigma^4 + 2 mu^2 sigma^2) as dashed lines.",
                     ylabel: "Var(\(FigureText.qk))", estimate: "var_est", se: "column(\"var_se\")", theory: "var_theory",
                     closedForm: varianceFormula)
    }

    /// Var(T / sqrt(d)) against d with the closed form, one series per (mu, sigma).
    static func scaledVarianceFigure(_ scaled: [(Double, Double)], dims: [Int], size: FigureSize) -> Figure {
        momentFigure(file: "scaled_variance.svg", series: scaled, styles: scaled.indices.map { $0 + 1 },
                     dims: dims, size: size,
                     caption: "Dividing by sqrt(d) fixes the variance at sigma^4 + 2 mu^2 sigma^2, not at 1. Var(q^T k / sqrt(d)) against d for \(settings(scaled)), with one-SE error bars (hidden by the points where smaller), flat at its closed form (dashed), which is 1 on the curve sigma^2 (sigma^2 + 2 mu^2) = 1 (mu = 0, sigma = 1 is one point of it).",
                     ylabel: "Var(\(FigureText.qk) / \(FigureText.sqrtD))", estimate: "scaled_var_est",
                     se: "column(\"var_se\") / column(\"d\")", theory: "scaled_var_theory",
                     closedForm: "\(FigureText.sigma)^4 + 2\(FigureText.mu)^2\(FigureText.sigma)^2")
    }

    /// The settings drawn, for a caption: "(mu, sigma) = (0, 1)", "(mu, sigma) = (0, 0.5), (0, 1) and (1, 1)".
    static func settings(_ series: [(Double, Double)]) -> String {
        "(mu, sigma) = " + list(series.map { "(\(NumberText.format($0.0)), \(NumberText.format($0.1)))" })
    }

    /// A moment of T against d on log-log axes: per (mu, sigma) series, the estimates with error bars
    /// (style `styles[i]`: its colour and point type) and the closed form as a dashed line in its colour.
    ///
    /// - Parameters:
    ///   - estimate, theory: the columns of moments.csv drawn; `se`: a gnuplot expression for the SE.
    ///   - closedForm: the closed form, as the legend names it.
    static func momentFigure(file: String, series: [(Double, Double)], styles: [Int], dims: [Int], size: FigureSize,
                             caption: String, ylabel: String, estimate: String, se: String, theory: String,
                             closedForm: String) -> Figure {
        let names = series.map { FigureText.muSigma($0.0, $0.1) }
        let entries = names + ["closed form \(closedForm)"]
        let layout = FigureLayout(size: size, keyEntries: entries.count, keyChars: entries.map { FigureText.plain($0).count }.max() ?? 0)
        let axis = DimensionAxis(dims: dims, plotWidth: layout.plotWidth, fontPoints: size.fontPoints)
        let rows = series.map { "(column(\"mu\") == \(NumberText.gnuplot($0.0)) && column(\"sigma\") == \(NumberText.gnuplot($0.1)))" }
        let est = "column(\"\(estimate)\")"
        let lines = zip(series, styles).map { s, style in
            "\"moments.csv\" using \"d\":(sel(\(NumberText.gnuplot(s.0)), \(NumberText.gnuplot(s.1)), \"\(theory)\")) with lines ls \(style) dt 2 lw 1 notitle"
        }
        let points = zip(zip(series, styles), names).map { sn, name in
            "\"moments.csv\" using \"d\":(sel(\(NumberText.gnuplot(sn.0.0)), \(NumberText.gnuplot(sn.0.1)), \"\(estimate)\")):(\(se)) with yerrorbars ls \(sn.1) dt 1 notitle"
        }
        let samples = zip(styles, names).map { "NaN with linespoints ls \($0) dt 2 lw 1 title \"\($1)\"" }
            + ["NaN with lines lc rgb \"#444444\" dt 2 lw 1 title \"closed form \(closedForm)\""]
        return Figure(file: file, caption: caption, layout: layout, body: """
            set multiplot
            \(layout.panel(0))
            \(axis.commands)
            set logscale y 10
            set xlabel "dimension \(FigureText.d)"
            set ylabel "\(ylabel)"
            sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
            shown(x) = (\(rows.isEmpty ? "0" : rows.joined(separator: " || "))) ? x : 1/0
            \(yRange("moments.csv", low: "shown(min(max(\(est) - \(se), \(est) / 2), column(\"\(theory)\")))",
                     high: "shown(max(\(est) + \(se), column(\"\(theory)\")))", log: true))
            plot \((lines + points).joined(separator: ", \\\n     "))
            \(layout.key(samples))
            unset multiplot

            """)
    }
}
