import Foundation
import QKSupport

extension Figures {
    /// The aligned key's weight against d under each scale, read from `aligned.csv`, with the
    /// d-independent limit under tau = d as a dashed line; rho and N are stated in the legend.
    package static func aligned(rho: Double, keys: Int, limit: Double, dims: [Int], size: FigureSize = .standard) -> Figure {
        let (t, r, n) = (FigureText.tau, FigureText.rho, FigureText.n)
        let series = [("none", 2, "\(t) = 1"), ("sqrt_d", 1, "\(t) = \(FigureText.sqrtD)"), ("d", 3, "\(t) = \(FigureText.d)")]
        let limitText = "limit at \(t) = \(FigureText.d) (\(FigureText.number((limit * 1e4).rounded() / 1e4)))"
        let entries = series.map(\.2) + [limitText]
        let layout = FigureLayout(size: size, keyEntries: entries.count, keyChars: entries.map { FigureText.plain($0).count }.max() ?? 0,
                                  keyTitle: "\(r) = \(FigureText.number(rho)), \(n) = \(keys) keys", yTickChars: 4)
        let axis = DimensionAxis(dims: dims, plotWidth: layout.plotWidth, fontPoints: size.fontPoints)
        let plots = series.map { s in
            "\"aligned.csv\" using \"d\":(sel(\"\(s.0)\")):\"aligned_weight_se\" with yerrorlines ls \(s.1) notitle"
        } + ["\(NumberText.gnuplot(limit)) with lines lc rgb \"#009e73\" dt 3 lw 1.5 notitle"]
        let samples = series.map { "NaN with linespoints ls \($0.1) title \"\($0.2)\"" }
            + ["NaN with lines lc rgb \"#009e73\" dt 3 lw 1.5 title \"\(limitText)\""]
        let w = "column(\"aligned_weight\")", se = "column(\"aligned_weight_se\")"
        return Figure(file: "aligned.svg",
                      caption: "One aligned key: sqrt(d) still saturates, d does not. The weight on the key aligned with the query (rho = \(NumberText.format(rho)), N = \(keys) keys) against d, with one-SE error bars: it saturates under tau = 1 and tau = sqrt(d), and tends to e^rho / (e^rho + N - 1) = \(NumberText.short(limit)) under tau = d (dotted).",
                      layout: layout, body: """
            set multiplot
            \(layout.panel(0))
            \(axis.commands)
            set logscale y 10
            set xlabel "dimension \(FigureText.d)"
            set ylabel "aligned key's weight"
            sel(s) = (strcol("scale") eq s) ? column("aligned_weight") : 1/0
            shown(x) = (strcol("scale") eq "none" || strcol("scale") eq "sqrt_d" || strcol("scale") eq "d") ? x : 1/0
            \(yRange("aligned.csv", low: "shown(min(max(\(w) - \(se), \(w) / 2), \(NumberText.gnuplot(limit))))",
                     high: "shown(max(\(w) + \(se), \(NumberText.gnuplot(limit))))", log: true))
            plot \(plots.joined(separator: ", \\\n     "))
            \(layout.key(samples))
            unset multiplot

            """)
    }

    /// When attention collapses, read from `collapse.csv`: the entropy over log N and the
    /// participation E[sum a^2] against d, measured (points with one-SE bars) and exact (lines), for
    /// each N (colour and point type) at tau = 1 (solid), sqrt(d) (dashed) and d (dotted); the REM
    /// limit 1 - d/(2 log N) of the unscaled entropy over log N (grey) and, where they fall within
    /// the dimensions drawn, the condensation points d* = 2 log N (thin verticals, labelled above the
    /// plot on two staggered lines, as d* for N = 256 and 4096 are only 0.6 octaves apart).
    package static func collapse(keys: [Int], dims: [Int], size: FigureSize = .standard) -> Figure {
        let (t, n) = (FigureText.tau, FigureText.n)
        let styles = keys.indices.map { $0 % 5 + 1 }
        let scales = [("none", 1, "\(t) = 1"), ("sqrt_d", 2, "\(t) = \(FigureText.sqrtD)"), ("d", 3, "\(t) = \(FigureText.d)")]
        let range = DimensionAxis.range(of: Array(Set(dims)).sorted())
        let condensation = keys.map { (2 * log(Double($0)), $0) }.filter { $0.0 > range.low && $0.0 < range.high }
        // The REM line runs up to d* = 2 log N: it shows where some d* lies beyond the axis' start.
        let rem = keys.contains { 2 * log(Double($0)) > range.low }
        let samples = zip(keys, styles).map { "NaN with linespoints ls \($1) dt 1 title \"\(n) = \($0)\"" }
            + scales.map { "NaN with lines lc rgb \"black\" lw 1.2 dt \($0.1) title \"\($0.2)\"" }
            + (rem ? ["NaN with lines lc rgb \"#999999\" lw 1 dt 1 title \"REM limit, \(t) = 1\""] : [])
        let entries = keys.map { "\(n) = \($0)" } + scales.map(\.2) + (rem ? ["REM limit, \(t) = 1"] : [])
        let stacked = size == .column
        let layout = FigureLayout(size: size, rows: stacked ? 2 : 1, columns: stacked ? 1 : 2, keyEntries: entries.count,
                                  keyChars: entries.map { FigureText.plain($0).count }.max() ?? 0, yTickChars: 5,
                                  sharedX: stacked, topLines: condensation.isEmpty ? 0 : condensation.count == 1 ? 0.9 : 1.9)
        let axis = DimensionAxis(dims: dims, plotWidth: layout.plotWidth, fontPoints: size.fontPoints)
        let arrows = condensation.enumerated().map { i, c in
            let x = NumberText.gnuplot(c.0)
            return "set arrow \(i + 1) from \(x), graph 0 to \(x), graph 1 nohead lt 1 lw 0.8 dt (2, 3, 8, 3) lc rgb \"#777777\" back\n"
                + "set label \(i + 2) \"{/*0.85 \(FigureText.d)*_{\(c.1)}}\" at \(x), graph 1 center offset 0, \(i % 2 == 0 ? "0.6" : "1.7")"
        }
        func panel(_ index: Int, _ column: String, _ label: String, log: Bool) -> String {
            var plots: [String] = []
            for (scale, dash, _) in scales {
                for (k, style) in zip(keys, styles) {
                    plots.append("\"collapse.csv\" using \"d\":(sel(\(k), \"\(scale)\", \"\(column)_theory\")) with lines ls \(style) dt \(dash) lw 1.2 notitle")
                    plots.append("\"\" using \"d\":(sel(\(k), \"\(scale)\", \"\(column)\")):(sel(\(k), \"\(scale)\", \"\(column)_se\")) with yerrorbars ls \(style) notitle")
                }
            }
            if !log && rem {
                plots += keys.map { "rem(x, \($0)) with lines lw 1 lc rgb \"#999999\" dt 1 notitle" }
            }
            let theory = "column(\"\(column)_theory\")", v = "column(\"\(column)\")", se = "column(\"\(column)_se\")"
            return """
                \(layout.panel(index))
                set ylabel "\(label)"
                \(log ? "set logscale y 10" : "unset logscale y")
                \(yRange("collapse.csv", low: "shown(min(\(log ? "max(\(v) - \(se), \(v) / 2)" : "\(v) - \(se)"), \(theory)))",
                         high: "shown(max(\(v) + \(se), \(theory)))", log: log, maxTicks: layout.maxYTicks))
                plot \(plots.joined(separator: ", \\\n     "))
                """
        }
        let shown = "(strcol(\"scale\") eq \"none\" || strcol(\"scale\") eq \"sqrt_d\" || strcol(\"scale\") eq \"d\")"
        return Figure(file: "collapse.svg",
                      caption: "When attention collapses: the entropy of the weights over log N (top or left) and the participation E[sum a^2] (bottom or right; 1/N when uniform, 1 when one-hot) against d, for N = \(list(keys.map(String.init))) keys (colour and point type) at tau = 1 (solid), sqrt(d) (dashed) and d (dotted). Lines: the exact finite-N theory; points: the measurements with one-SE bars; grey: the REM limit of the unscaled entropy, 1 - d/(2 log N) of log N; thin verticals: d* = 2 log N, where unscaled attention condenses (where it falls within the d drawn).",
                      layout: layout, body: """
            set multiplot
            \(axis.commands)
            \(arrows.joined(separator: "\n"))
            set xlabel \(stacked ? "\"\"" : "\"dimension \(FigureText.d)\"")
            set samples 400
            sel(k, s, c) = (column("keys") == k && strcol("scale") eq s) ? column(c) : 1/0
            shown(x) = \(shown) ? x : 1/0
            rem(x, k) = x <= 2 * log(k) ? 1 - x / (2 * log(k)) : 1/0
            \(panel(0, "entropy", "E[\(FigureText.italic("H"))(\(FigureText.italic("a")))] / log \(n)", log: false))
            set xlabel "dimension \(FigureText.d)"
            \(panel(1, "participation", "E[Σ\(FigureText.italic("a"))_\(FigureText.italic("i"))^2]", log: true))
            \(layout.key(samples))
            unset multiplot

            """)
    }
}
