import QKSupport

extension Figures {
    /// Histograms of T / (sigma^2 sqrt(d)) with the exact and normal bin probabilities: one panel per
    /// dimension in `dims` (those histogram.csv holds), of the grid's dimensions `gridDims`.
    ///
    /// The panels fill a rows x columns grid exactly (``FigureLayout/grid(panels:size:)``); the
    /// caption names the grid's dimensions that have no histogram, so none is left out unsaid.
    static func histogramsFigure(dims: [Int], of gridDims: [Int], sigma: Double, size: FigureSize) -> Figure {
        let scaled = sigma == 1 ? "\(FigureText.qk) / \(FigureText.sqrtD)" : "\(FigureText.qk) / (\(FigureText.sigma)^2\(FigureText.sqrtD))"
        let variable = sigma == 1 ? "q^T k / sqrt(d)" : "q^T k / (sigma^2 sqrt(d))"
        let entries = ["samples", "exact variance-gamma law", "N(0, 1)"]
        let shape = FigureLayout.grid(panels: dims.count, size: size)
        let layout = FigureLayout(size: size, rows: shape.rows, columns: shape.columns, keyEntries: entries.count,
                                  keyChars: entries.map(\.count).max() ?? 0,
                                  keyTitle: "bin probabilities over the bin width", yTickChars: 4, sharedY: true, sharedX: true)
        let panels = dims.enumerated().map { index, d in
            let (row, column) = (index / shape.columns, index % shape.columns)
            let y = { (c: String) in "(column(\"d\") == \(d) ? column(\"\(c)\") : 1/0)" }
            return """
                \(layout.panel(index))
                set label 1 "\(FigureText.d) = \(d)" at graph 0.05, graph 0.9 left front
                set xlabel "\(row == shape.rows - 1 ? scaled : "")"
                set ylabel "\(column == 0 ? "density" : "")"
                set autoscale y
                stats "histogram.csv" using (column("d") == \(d) ? max(column("density"), max(column("density_exact"), column("density_normal"))) : 1/0) nooutput
                set yrange [0 : STATS_max * 1.08]
                \(linearTicks("STATS_max * 1.08", maxTicks: layout.maxYTicks))
                plot "histogram.csv" using (mid(0)):\(y("density")) with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" notitle, \\
                     "" using (mid(0)):\(y("density_exact")) with histeps lc rgb "#d55e00" lw 1.5 dt 1 notitle, \\
                     "" using (mid(0)):\(y("density_normal")) with histeps lc rgb "#222222" lw 1.2 dt 2 notitle
                """
        }
        let missing = gridDims.filter { !dims.contains($0) }
        let unsaid = missing.isEmpty ? "" : " Not drawn: d = " + list(missing.map(String.init))
            + " (the report draws every d of a grid with at most four; of a larger grid, d = 1, 4, 16 and 64 where it has any of them, else four dimensions spread over it)."
        return Figure(file: "histograms.svg",
                      caption: "The exact law at every d, Gaussian only in the limit. Histograms of \(variable) at mu = 0, sigma = \(NumberText.format(sigma)), at d = \(list(dims.map(String.init))) (excess kurtosis 6/d), with each bin's exact variance-gamma probability (solid steps) and N(0, 1)'s (dashed), over the bin width.\(unsaid)",
                      layout: layout, body: """
            set multiplot
            set xrange [-5:5]
            set xtics 2
            mid(x) = (column("bin_lo") + column("bin_hi")) / 2
            \(panels.joined(separator: "\n"))
            \(layout.key(["NaN with boxes fs transparent solid 0.35 noborder lc rgb \"#0072b2\" title \"samples\"",
                          "NaN with lines lc rgb \"#d55e00\" lw 1.5 dt 1 title \"exact variance-gamma law\"",
                          "NaN with lines lc rgb \"#222222\" lw 1.2 dt 2 title \"N(0, 1)\""]))
            unset multiplot

            """)
    }
}
