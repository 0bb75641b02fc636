import Foundation
import QKSupport
import QKModel
import QKExperiments
import QKSuite

/// The report's figures: gnuplot scripts drawing SVG, PNG and PDF from the CSV tables in the results
/// directory, at one ``FigureSize``.
///
/// Every figure is a grid of panels laid out by ``FigureLayout`` (no empty panel, a legend below
/// them that never covers the data), with d on a ``DimensionAxis`` (ticks at the grid's d), y
/// ranges read from the data with a margin (no marker on a border), labels in ``FigureText``'s
/// mathematics, series told apart by dash and point type as well as colour (they survive greyscale
/// printing), and no title: the caption in REPORT.md carries it.
package enum Figures {
    /// A figure: its file name, what it shows, and how gnuplot draws it.
    package struct Figure: Sendable {
        /// The SVG's file name.
        package let file: String
        /// A one-line caption: the figure's title and what it shows, for REPORT.md.
        let caption: String
        /// The canvas and where its panels go.
        let layout: FigureLayout
        /// The gnuplot commands after the terminal and the output file (run in the results directory).
        let body: String

        /// The script that draws the SVG, as kept beside the data (`NAME.gp`).
        var script: String { Output.svg.script(self, to: file) }
    }

    /// The commands every figure starts with: UTF-8 text with true minus signs on the ticks, how the
    /// CSVs read, and the series' styles.
    ///
    /// Five series styles, each a colour of Okabe and Ito's palette (told apart by colour-blind
    /// readers) with its own dash type and point type (told apart in greyscale).
    static let preamble = """
        set encoding utf8
        set minussign
        set datafile separator ","
        set datafile columnheaders
        set grid lc rgb "#e4e4e4" lw 0.5
        set border lw 0.8
        set tics scale 0.6, 0.35
        set style line 1 lc rgb "#0072b2" lw 1.5 dt 1 pt 7 ps (0.9 * pscale)
        set style line 2 lc rgb "#d55e00" lw 1.5 dt 2 pt 5 ps (0.85 * pscale)
        set style line 3 lc rgb "#009e73" lw 1.5 dt 4 pt 9 ps (1.1 * pscale)
        set style line 4 lc rgb "#cc79a7" lw 1.5 dt 5 pt 6 ps (1 * pscale)
        set style line 5 lc rgb "#e69f00" lw 1.5 dt 3 pt 4 ps (0.95 * pscale)
        min(a, b) = a < b ? a : b
        max(a, b) = a > b ? a : b

        """

    /// The (mu, sigma) series the variance figure draws on the default grid.
    static let defaultVariancePairs: [(Double, Double)] = [(0, 1), (0.5, 1), (1, 1), (0, 2)]

    /// The four figures of a report on `grid`, with `keys` keys per query in the softmax experiment,
    /// drawn at `size`.
    ///
    /// The variance figures draw the default grid's (mu, sigma) series where the grid has them all,
    /// and otherwise its first four (five for the scaled variance); the histograms show the
    /// dimensions ``DistributionExperiment/histogramDims(_:preferred:)`` picks, one panel each, at
    /// the spread ``VerificationSuite/sigma(of:)``: no figure is empty on any grid. A (mu, sigma)
    /// series is drawn only where `drawable` says it has a point (gnuplot fails on a plot with none);
    /// with no such series, as where q and k differ in every cell, the two variance figures are not drawn.
    package static func figures(for grid: Grid, keys: Int, size: FigureSize = .standard,
                                drawable: ((Double, Double)) -> Bool = { _ in true }) -> [Figure] {
        let pairs = FigureSeries.sharedPairs(grid).filter(drawable)
        // The softmax figure contrasts a mean of 0 (or the grid's first) with 1 (or its last).
        let means = grid.means
        let base = means.contains(0) ? 0 : means.first ?? 0
        let shifted = means.contains(1) ? 1 : means.last { $0 != base } ?? base
        let histogramDims = DistributionExperiment.histogramDims(grid.dims).sorted()
        return figures(pairs: pairs, dims: grid.dims, softmaxMeans: (base, shifted), keys: keys,
                       histogram: (histogramDims, VerificationSuite.sigma(of: grid)), size: size)
    }

    /// The figures for these (mu, sigma) pairs on these dimensions.
    static func figures(pairs: [(Double, Double)], dims: [Int], softmaxMeans: (Double, Double), keys: Int,
                        histogram: (dims: [Int], sigma: Double), size: FigureSize) -> [Figure] {
        func has(_ wanted: [(Double, Double)]) -> Bool { wanted.allSatisfy { w in pairs.contains { $0 == w } } }
        let scaledDefault = [(0.0, 1.0), (0.5, 1), (1, 1), (0, 0.5), (0, 2)]
        let variance = has(defaultVariancePairs) ? defaultVariancePairs : Array(pairs.prefix(4))
        let scaled = has(scaledDefault) ? scaledDefault : Array(pairs.prefix(5))
        // The same (mu, sigma) gets the same style in both figures: its place in the longer list.
        let styles = variance.map { v in (scaled.firstIndex { $0 == v } ?? variance.firstIndex { $0 == v }!) + 1 }
        let others = [softmaxFigure(means: softmaxMeans, keys: keys, dims: dims, size: size),
                      histogramsFigure(dims: histogram.dims, of: dims, sigma: histogram.sigma, size: size)]
        guard !pairs.isEmpty else { return others }
        return [varianceFigure(variance, styles: styles, dims: dims, size: size),
                scaledVarianceFigure(scaled, dims: dims, size: size)] + others
    }

    /// gnuplot words for a list of numbers, as `word(list, i)` reads them.
    static func words(_ values: [Double]) -> String { values.map(NumberText.gnuplot).joined(separator: " ") }

    /// Sets the y range to what `low` and `high` take in `file` (gnuplot expressions, undefined on
    /// rows not drawn), widened by 6% of the span (of its logarithm on a log axis) on each side, so
    /// no marker or error bar touches a border.
    ///
    /// On a log axis it also sets the ticks: gnuplot's own are powers of ten, which leave a range
    /// narrower than a decade with one label or none. Over three decades or more they stay (as
    /// 10^k); over less, the ticks are at 1, 3 (or 1, 2, 5) times a power of ten, and within a
    /// factor of 4 at round linear steps.
    static func yRange(_ file: String, low: String, high: String, log: Bool, maxTicks: Int = 6) -> String {
        // stats skips values outside a fixed y range: the previous panel's must not clip this one's.
        let range = """
            set autoscale y
            stats "\(file)" using (\(low)) nooutput
            ylo = STATS_min
            stats "\(file)" using (\(high)) nooutput
            yhi = STATS_max
            set format y "%g"
            set ytics autofreq

            """
        guard log else {
            return range + """
                yr = (yhi > ylo ? yhi - ylo : abs(yhi) + 1) * 0.06
                set yrange [ylo - yr : yhi + yr]
                \(linearTicks("(yhi - ylo + 2 * yr)", maxTicks: maxTicks))

                """
        }
        return range + """
            yr = (yhi > ylo ? yhi / ylo : 4) ** 0.06
            ya = ylo / yr
            yb = yhi * yr
            set yrange [ya : yb]
            if (yb / ya >= 1000) {
                set format y "10^{%T}"
            } else {
                t = ""
                if (yb / ya >= 4) {
                    ms = yb / ya >= 30 ? "1 3" : "1 2 5"
                    do for [e = floor(log10(ya)) : ceil(log10(yb))] {
                        do for [m in ms] {
                            v = (m + 0) * 10.0 ** e
                            if (v >= ya && v <= yb) { t = t . sprintf(', "%g" %.12g', v, v) }
                        }
                    }
                } else {
                    raw = (yb - ya) / 4
                    p = 10.0 ** floor(log10(raw))
                    st = p * (raw / p < 1.5 ? 1 : raw / p < 3.5 ? 2 : raw / p < 7.5 ? 5 : 10)
                    do for [j = ceil(ya / st) : floor(yb / st)] { t = t . sprintf(', "%g" %.12g', j * st, j * st) }
                }
                eval "set ytics (" . t[3:] . ")"
            }

            """
    }

    /// Sets the y ticks of a linear axis spanning `span` (a gnuplot expression) at a round step
    /// (1, 2, 2.5 or 5 times a power of ten) that gives at most `maxTicks` of them: gnuplot's own step
    /// ignores the panel's height, and a short panel's labels ran into each other. (The step is a
    /// variable: `set ytics (expression)` would read as a list of one tick.)
    static func linearTicks(_ span: String, maxTicks: Int) -> String {
        """
        raw = \(span) / \(maxTicks)
        p = 10.0 ** floor(log10(raw))
        yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
        set ytics yst
        """
    }

    /// A list in a caption: `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
