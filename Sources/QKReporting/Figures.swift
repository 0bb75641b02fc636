import Foundation
import QKSupport
import QKModel
import QKExperiments
import QKSuite

/// The report's figures: gnuplot scripts drawing SVGs from the CSV tables in the results directory.
package enum Figures {
    /// A figure: its file name, what it shows, and the gnuplot script that draws it.
    package struct Figure: Sendable {
        /// The SVG's file name.
        package let file: String
        /// A one-line caption.
        let caption: String
        /// The gnuplot script (run in the results directory).
        let script: String
    }

    static let preamble = """
        set terminal svg size 760,500 dynamic font "Helvetica,13" background rgb "white"
        set datafile separator ","
        set datafile columnheaders
        set grid lc rgb "#dddddd"
        set key top left box opaque
        set border lw 1.2
        set style line 1 lc rgb "#1b6ca8" lw 2 pt 7 ps 0.8
        set style line 2 lc rgb "#d1495b" lw 2 pt 5 ps 0.8
        set style line 3 lc rgb "#2e8b57" lw 2 pt 9 ps 0.9
        set style line 4 lc rgb "#8d5a97" lw 2 pt 11 ps 0.9
        set style line 5 lc rgb "#e6a100" lw 2 pt 13 ps 0.9

        """

    /// The (mu, sigma) series the variance figure draws on the default grid.
    static let defaultVariancePairs: [(Double, Double)] = [(0, 1), (0.5, 1), (1, 1), (0, 2)]

    /// The four figures of a report on `grid`, with `keys` keys per query in the softmax experiment.
    ///
    /// The variance figures draw the default grid's (mu, sigma) series where the grid has them all,
    /// and otherwise its first four (five for the scaled variance); the histograms show the
    /// dimensions ``DistributionExperiment/histogramDims(_:preferred:)`` picks, at the spread
    /// ``VerificationSuite/sigma(of:)``: no figure is empty on any grid. A (mu, sigma) series is drawn
    /// only where `drawable` says it has a point (gnuplot fails on a plot with none); with no such
    /// series, as where q and k differ in every cell, the two variance figures are not drawn.
    package static func figures(for grid: Grid, keys: Int, drawable: ((Double, Double)) -> Bool = { _ in true }) -> [Figure] {
        let pairs = FigureSeries.sharedPairs(grid).filter(drawable)
        // The softmax figure contrasts a mean of 0 (or the grid's first) with 1 (or its last).
        let means = grid.means
        let base = means.contains(0) ? 0 : means.first ?? 0
        let shifted = means.contains(1) ? 1 : means.last { $0 != base } ?? base
        let histogramDims = DistributionExperiment.histogramDims(grid.dims).sorted()
        return figures(pairs: pairs, softmaxMeans: (base, shifted), keys: keys,
                       histogram: (histogramDims, VerificationSuite.sigma(of: grid)))
    }

    /// The figures for these (mu, sigma) pairs.
    static func figures(pairs: [(Double, Double)], softmaxMeans: (Double, Double), keys: Int,
                        histogram: (dims: [Int], sigma: Double)) -> [Figure] {
        func has(_ wanted: [(Double, Double)]) -> Bool { wanted.allSatisfy { w in pairs.contains { $0 == w } } }
        let scaledDefault = [(0.0, 1.0), (0.5, 1), (1, 1), (0, 0.5), (0, 2)]
        let variance = has(defaultVariancePairs) ? defaultVariancePairs : Array(pairs.prefix(4))
        let scaled = has(scaledDefault) ? scaledDefault : Array(pairs.prefix(5))
        // The same (mu, sigma) gets the same colour in both figures: its place in the longer list.
        let styles = variance.map { v in (scaled.firstIndex { $0 == v } ?? variance.firstIndex { $0 == v }!) + 1 }
        let others = [softmaxFigure(means: softmaxMeans, keys: keys), histogramsFigure(dims: histogram.dims, sigma: histogram.sigma)]
        return pairs.isEmpty ? others : [varianceFigure(variance, styles: styles), scaledVarianceFigure(scaled)] + others
    }

    /// gnuplot words for a list of numbers, as `word(list, i)` reads them.
    static func words(_ values: [Double]) -> String { values.map(NumberText.gnuplot).joined(separator: " ") }

    /// Var(T) against d with the closed form, one series per (mu, sigma), in line styles `styles`.
    static func varianceFigure(_ variance: [(Double, Double)], styles: [Int]) -> Figure {
        let (vm, vs) = (words(variance.map(\.0)), words(variance.map(\.1)))
        let vls = styles.map(String.init).joined(separator: " ")
        return Figure(file: "variance.svg",
                      caption: "Var(q^T k) against d (log-log): estimates with one-SE error bars, closed form d(sigma^4 + 2 mu^2 sigma^2) as lines.",
                      script: preamble + """
                set output "variance.svg"
                set title "Var(q^T k) grows like d"
                set logscale xy
                set xlabel "dimension d"
                set ylabel "Var(q^T k)"
                stats "moments.csv" using "d" nooutput
                set xrange [STATS_min / 1.4 : STATS_max * 1.4]
                set autoscale yfix
                set offsets 0, 0, graph 0.06, graph 0.06
                set key top left Left reverse samplen 2 font ",11"
                sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
                plot for [i = 1:\(variance.count)] "moments.csv" using "d":(sel(word("\(vm)", i) + 0, word("\(vs)", i) + 0, "var_theory")) \\
                       with lines ls (word("\(vls)", i) + 0) dt 2 lw 1.5 title (i == 1 ? "closed form (dashed)" : ""), \\
                     for [i = 1:\(variance.count)] "moments.csv" using "d":(sel(word("\(vm)", i) + 0, word("\(vs)", i) + 0, "var_est")):"var_se" \\
                       with yerrorbars ls (word("\(vls)", i) + 0) title sprintf("mu = %s, sigma = %s", word("\(vm)", i), word("\(vs)", i))

                """)
    }

    /// Var(T / sqrt(d)) against d with the closed form, one series per (mu, sigma).
    static func scaledVarianceFigure(_ scaled: [(Double, Double)]) -> Figure {
        let (sm, ss) = (words(scaled.map(\.0)), words(scaled.map(\.1)))
        return Figure(file: "scaled_variance.svg",
                      caption: "Var(q^T k / sqrt(d)) against d: flat at sigma^4 + 2 mu^2 sigma^2 (dashed), which is 1 on the curve sigma^2 (sigma^2 + 2 mu^2) = 1 (mu = 0, sigma = 1 is one point of it).",
                      script: preamble.replacingOccurrences(of: "size 760,500", with: "size 960,500") + """
                set output "scaled_variance.svg"
                set title "Dividing by sqrt(d) fixes the variance at sigma^4 + 2 mu^2 sigma^2, not at 1"
                set logscale xy
                set xlabel "dimension d"
                set ylabel "Var(q^T k / sqrt(d))"
                set key outside right center
                stats "moments.csv" using "d" nooutput
                set xrange [STATS_min / 1.4 : STATS_max * 1.4]
                set autoscale yfix
                set offsets 0, 0, graph 0.08, graph 0.08
                set ytics ("0.01" 0.01, "0.03" 0.03, "0.1" 0.1, "0.3" 0.3, "1" 1, "3" 3, "10" 10, "30" 30, "100" 100, "300" 300, "1000" 1000)
                sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
                plot for [i = 1:\(scaled.count)] "moments.csv" using "d":(sel(word("\(sm)", i) + 0, word("\(ss)", i) + 0, "scaled_var_theory")) \\
                       with lines ls i dt 2 lw 3 title (i == 1 ? "closed form, dashed" : ""), \\
                     for [i = 1:\(scaled.count)] "moments.csv" using "d":(sel(word("\(sm)", i) + 0, word("\(ss)", i) + 0, "scaled_var_est")) \\
                       with points ls i title sprintf("mu = %s, sigma = %s", word("\(sm)", i), word("\(ss)", i))

                """)
    }

    /// The largest weight and entropy against d, at a base mean and a shifted one.
    static func softmaxFigure(means: (Double, Double), keys: Int) -> Figure {
        let (m0, m1) = (NumberText.format(means.0), NumberText.format(means.1))
        // sqrt(d) at the shifted mean, where the grid has one (else it would repeat the mu0 curve).
        let shiftedMax = m0 == m1 ? "" : ", \\\n     \"\" using \"d\":(sel(\(m1), \"sqrt_d\", \"max_weight\")):\"max_weight_se\" with yerrorlines ls 4 title \"mu = \(m1), tau = sqrt(d)\""
        let shiftedEntropy = m0 == m1 ? "" : ", \\\n     \"\" using \"d\":(sel(\(m1), \"sqrt_d\", \"entropy\")):\"entropy_se\" with yerrorlines ls 4"
        return Figure(file: "softmax.svg",
                      caption: "Attention with \(keys) keys: largest weight and normalised entropy against d, unscaled (tau = 1) and scaled.",
                      script: preamble.replacingOccurrences(of: "size 760,500", with: "size 1100,560") + """
                set output "softmax.svg"
                set multiplot layout 1,2 title "Softmax over the keys as d grows, by temperature tau"
                set logscale x
                stats "softmax.csv" using "d" nooutput
                set xrange [STATS_min / 1.4 : STATS_max * 1.4]
                set xlabel "dimension d"
                set bmargin 8
                sel(mu, sc, c) = (column("mu") == mu && strcol("scale") eq sc) ? column(c) : 1/0
                set ylabel "mean largest weight"
                set yrange [0:1]
                set key at screen 0.5, 0.1 center center horizontal maxcols 2 nobox noopaque width 2
                plot "softmax.csv" using "d":(sel(\(m0), "none", "max_weight")):"max_weight_se" with yerrorlines ls 2 title "mu = \(m0), tau = 1", \\
                     "" using "d":(sel(\(m1), "within_query", "max_weight")):"max_weight_se" with yerrorlines ls 3 lw 5 pt 7 ps 0.4 title "mu = \(m1), tau = within-query sd (thick)", \\
                     "" using "d":(sel(\(m0), "sqrt_d", "max_weight")):"max_weight_se" with yerrorlines ls 1 pt 6 ps 1.3 title "mu = \(m0), tau = sqrt(d) (open circles)"\(shiftedMax)
                set ylabel "entropy / log N"
                unset key
                plot "softmax.csv" using "d":(sel(\(m0), "none", "entropy")):"entropy_se" with yerrorlines ls 2, \\
                     "" using "d":(sel(\(m1), "within_query", "entropy")):"entropy_se" with yerrorlines ls 3 lw 5 pt 7 ps 0.4, \\
                     "" using "d":(sel(\(m0), "sqrt_d", "entropy")):"entropy_se" with yerrorlines ls 1 pt 6 ps 1.3\(shiftedEntropy)
                unset multiplot

                """)
    }

    /// Histograms of T / (sigma^2 sqrt(d)) with the exact and normal bin probabilities, at up to four
    /// of the dimensions `dims` that histogram.csv holds.
    static func histogramsFigure(dims: [Int], sigma: Double) -> Figure {
        let variable = sigma == 1 ? "q^T k / sqrt(d)" : "q^T k / (sigma^2 sqrt(d))"
        return Figure(file: "histograms.svg",
                      caption: "Histograms of \(variable) at mu = 0, sigma = \(NumberText.format(sigma)), with each bin's exact variance-gamma probability (solid steps) and N(0, 1)'s (dashed), over the bin width.",
                      script: preamble.replacingOccurrences(of: "size 760,500", with: "size 1000,720") + """
                set output "histograms.svg"
                stats "histogram.csv" using "d" nooutput
                set multiplot layout 2,2 title "\(variable): exact law at every d, Gaussian only in the limit"
                set xrange [-5:5]
                set xlabel "\(variable)"
                set ylabel "density"
                set style fill transparent solid 0.35 noborder
                set key top left Left reverse samplen 1 width -3 font ",10"
                array ds[4]
                n = 0
                do for [dd in "\(dims.map(String.init).joined(separator: " "))"] {
                    stats "histogram.csv" using (column("d") == dd + 0 ? 1 : 0) nooutput
                    if (STATS_sum > 0 && n < 4) { n = n + 1; ds[n] = dd + 0 }
                }
                do for [i = 1:n] {
                    set title sprintf("d = %d (excess kurtosis %.3g)", ds[i], 6.0 / ds[i])
                    plot "histogram.csv" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density") : 1/0) \\
                           with boxes lc rgb "#1b6ca8" title "samples", \\
                         "" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density_exact") : 1/0) \\
                           with histeps lc rgb "#d1495b" lw 2 title "exact (bin mean)", \\
                         "" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density_normal") : 1/0) \\
                           with histeps lc rgb "#333333" lw 1.5 dt 2 title "N(0,1) (bin mean)"
                }
                unset multiplot

                """)
    }

    /// The aligned key's weight against d under each scale, read from `aligned.csv`, with the
    /// d-independent limit under tau = d as a dashed line.
    package static func aligned(rho: Double, keys: Int, limit: Double) -> Figure {
        return Figure(file: "aligned.svg",
                      caption: "Weight on the key aligned with the query (rho = \(NumberText.format(rho)), \(keys) keys) against d: it saturates under tau = 1 and tau = sqrt(d), and tends to e^rho / (e^rho + N - 1) under tau = d.",
                      script: preamble + """
                set output "aligned.svg"
                set title "One aligned key: sqrt(d) still saturates, d does not"
                set logscale x 2
                set xlabel "dimension d"
                set ylabel "weight on the aligned key (log scale)"
                set logscale y
                set yrange [0.01:30]
                set ytics ("0.01" 0.01, "0.03" 0.03, "0.1" 0.1, "0.3" 0.3, "1" 1)
                set key noenhanced top left box opaque
                sel(s) = (strcol("scale") eq s) ? column("aligned_weight") : 1/0
                plot "aligned.csv" using "d":(sel("none")):"aligned_weight_se" with yerrorlines ls 2 title "tau = 1", \\
                     "" using "d":(sel("sqrt_d")):"aligned_weight_se" with yerrorlines ls 1 title "tau = sqrt(d)", \\
                     "" using "d":(sel("d")):"aligned_weight_se" with yerrorlines ls 3 title "tau = d", \\
                     \(limit) with lines dt 2 lw 2 lc rgb "#2e8b57" title "limit, tau = d: exp(rho)/(exp(rho)+N-1)"

                """)
    }

    /// When attention collapses, read from `collapse.csv`: the entropy over log N (left) and the
    /// participation E[sum a^2] (right) against d, measured (points with one-SE bars) and exact
    /// (lines), for each N (colour) at tau = 1 (solid), sqrt(d) (dashed) and d (dotted); the REM limit
    /// 1 - d/(2 log N) of the unscaled entropy over log N (grey) and the condensation points d* = 2 log N (dotted
    /// verticals).
    package static func collapse(keys: [Int]) -> Figure {
        let n = keys.map(String.init).joined(separator: " ")
        let arrows = keys.enumerated().map { i, k in
            let x = NumberText.gnuplot(2 * log(Double(k)))
            return "set arrow from \(x), graph 0 to \(x), graph 1 nohead dt 3 lw 1.5 lc rgb word(colours, \(i + 1))\n"
                + "set label \"d*\" at \(x), graph 1.03 center textcolor rgb word(colours, \(i + 1)) font \",10\""
        }.joined(separator: "\n")
        return Figure(file: "collapse.svg",
                      caption: "When attention collapses: the entropy of the weights over log N (left) and the participation E[sum a^2] (right) against d, for N = \(keys.map(String.init).joined(separator: ", ")) keys (colours) at tau = 1 (solid), sqrt(d) (dashed) and d (dotted). Lines: the exact finite-N theory; points: the measurements with one-SE bars; grey: the REM limit of the unscaled entropy, 1 - d/(2 log N) of log N; dotted verticals: d* = 2 log N, where unscaled attention condenses.",
                      script: preamble.replacingOccurrences(of: "size 760,500", with: "size 1100,480") + """
                set output "collapse.svg"
                set tmargin 2.5
                colours = "#1b6ca8 #d1495b #2e8b57 #8d5a97 #e6a100 #555555 #1b6ca8 #d1495b #2e8b57 #8d5a97"
                keys = "\(n)"
                \(arrows)
                set multiplot layout 1,2
                set logscale x 2
                set xrange [0.8:80]
                set xlabel "dimension d"
                set key bottom left Left reverse samplen 2 font ",10"
                sel(k, s, c) = (column("keys") == k && strcol("scale") eq s) ? column(c) : 1/0
                rem(x, k) = x <= 2 * log(k) ? 1 - x / (2 * log(k)) : 1/0
                set ylabel "E[H(a)] / log N"
                set yrange [0:1.05]
                plot for [i = 1:words(keys)] "collapse.csv" using "d":(sel(word(keys, i) + 0, "none", "entropy_theory")) with lines lw 2 lc rgb word(colours, i) title sprintf("N = %s", word(keys, i)), \\
                     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "sqrt_d", "entropy_theory")) with lines lw 2 dt 2 lc rgb word(colours, i) notitle, \\
                     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "d", "entropy_theory")) with lines lw 2 dt 3 lc rgb word(colours, i) notitle, \\
                     for [s in "none sqrt_d d"] for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, s, "entropy")):(sel(word(keys, i) + 0, s, "entropy_se")) with yerrorbars pt 7 ps 0.5 lc rgb word(colours, i) notitle, \\
                     for [i = 1:words(keys)] rem(x, word(keys, i) + 0) with lines lw 1 lc rgb "#999999" title (i == 1 ? "REM limit, tau = 1" : ""), \\
                     1/0 with lines lw 2 lc rgb "black" title "tau = 1", 1/0 with lines lw 2 dt 2 lc rgb "black" title "tau = sqrt(d)", \\
                     1/0 with lines lw 2 dt 3 lc rgb "black" title "tau = d"
                set logscale y
                set yrange [1e-4:1.5]
                set format y "10^{%T}"
                set ylabel "E[sum a^2]  (1/N uniform, 1 one-hot)"
                set key top left
                plot for [i = 1:words(keys)] "collapse.csv" using "d":(sel(word(keys, i) + 0, "none", "participation_theory")) with lines lw 2 lc rgb word(colours, i) title sprintf("N = %s", word(keys, i)), \\
                     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "sqrt_d", "participation_theory")) with lines lw 2 dt 2 lc rgb word(colours, i) notitle, \\
                     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "d", "participation_theory")) with lines lw 2 dt 3 lc rgb word(colours, i) notitle, \\
                     for [s in "none sqrt_d d"] for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, s, "participation")):(sel(word(keys, i) + 0, s, "participation_se")) with yerrorbars pt 7 ps 0.5 lc rgb word(colours, i) notitle
                unset multiplot

                """)
    }

    /// The versions of a figure drawn: the SVG (for the report), a PNG (for slides) and a PDF (for
    /// LaTeX), each from the same script with another terminal.
    enum Output: CaseIterable {
        case svg, png, pdf

        var suffix: String {
            switch self {
            case .svg: "svg"
            case .png: "png"
            case .pdf: "pdf"
            }
        }

        /// The script with this terminal and output file.
        func script(_ figure: Figure, to file: String) -> String {
            var script = figure.script.replacingOccurrences(of: "set output \"\(figure.file)\"", with: "set output \"\(file)\"")
            guard self != .svg, let line = script.split(separator: "\n").first(where: { $0.hasPrefix("set terminal svg") }),
                  let size = line.split(separator: " ").first(where: { $0.contains(",") && $0.first?.isNumber == true }) else { return script }
            let wh = size.split(separator: ",").compactMap { Double($0) }
            let terminal = self == .png
                ? "set terminal pngcairo size \(Int(wh[0])),\(Int(wh[1])) font \"Helvetica,11\" background rgb \"white\""
                : String(format: "set terminal pdfcairo size %.2fin,%.2fin font \"Helvetica,9\"", wh[0] / 96, wh[1] / 96)
            script = script.replacingOccurrences(of: String(line), with: terminal)
            return script
        }
    }

    /// Draws figures in `directory` with gnuplot: each as SVG, PNG and PDF, with its gnuplot script
    /// kept beside the data it reads (`variance.gp`), so a user can restyle it (`gnuplot variance.gp`
    /// in the directory redraws the SVG). `option` names the directory in errors.
    ///
    /// - Returns: the figures drawn; empty when gnuplot is not installed.
    /// - Throws: ``QKVerifyError/io(path:reason:)`` when gnuplot fails on a script.
    static func draw(in directory: String, _ figures: [Figure], option: String) throws -> [Figure] {
        guard let gnuplot = Figures.gnuplotPath else { return [] }
        for figure in figures {
            let stem = String(figure.file.dropLast(4))
            for output in Output.allCases {
                try run(gnuplot, in: directory, script: output.script(figure, to: ".\(stem).\(output.suffix).tmp"),
                        target: "\(stem).\(output.suffix)")
            }
            try OutputFile(path: (directory as NSString).appendingPathComponent("\(stem).gp"), option: option).write(figure.script)
        }
        return figures
    }

    /// Runs one script that draws to `.TARGET.tmp`, then renames it: a figure is whole or absent.
    static func run(_ gnuplot: String, in directory: String, script: String, target name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gnuplot)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let target = (directory as NSString).appendingPathComponent(name)
        let drawn = (directory as NSString).appendingPathComponent(".\(name).tmp")
        if process.terminationStatus == 0, name.hasSuffix(".pdf") { fixCreationDate(drawn) }
        guard process.terminationStatus == 0, rename(drawn, target) == 0 else {
            unlink(drawn)
            throw QKVerifyError.io(path: target, reason: "gnuplot failed: \(message.split(separator: "\n").last ?? "")")
        }
    }

    /// Replaces a PDF's `/CreationDate (D:YYYYMMDDHHMMSS...)` digits with the epoch's, in place and
    /// at the same length (so the cross-reference offsets still hold): the same run, the same bytes.
    static func fixCreationDate(_ path: String) {
        guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else { return }
        let key = Array("/CreationDate (D:".utf8)
        guard let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) }) else { return }
        let epoch = Array("19700101000000".utf8)
        var i = start + key.count
        for digit in epoch where i < bytes.count && (48...57).contains(bytes[i]) {
            bytes[i] = digit
            i += 1
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// Where gnuplot is, or nil.
    static var gnuplotPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/gnuplot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
