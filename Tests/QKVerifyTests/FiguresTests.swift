import Foundation
import Testing
@testable import QKModel
@testable import QKReporting
@testable import QKSampling
@testable import QKSupport

/// ``Figures``: the gnuplot scripts read the grid they are drawn for.
@Suite struct FiguresTests {
    /// Every column a figure's script reads (`using "d"`, `column("var_est")`, `strcol("scale")`)
    /// is a column of the table in the CSV file it reads: figures and tables share their identifiers,
    /// so renaming a column without its figure fails here, not in gnuplot.
    @Test func everyColumnAFigureReadsIsAColumnOfItsTable() throws {
        let headers: [String: [String]] = [
            "moments.csv": MomentsTable.header, "softmax.csv": SoftmaxTable.header, "aligned.csv": SoftmaxTable.header,
            "collapse.csv": SoftmaxTable.header, "histogram.csv": HistogramTable.header,
        ]
        let figures = Figures.figures(for: try Grid(dims: [1, 4, 16], means: [0, 1], sigmas: [1]), keys: 16)
            + [Figures.aligned(rho: 0.5, keys: 16, limit: 0.1, dims: [1, 4, 16]), Figures.collapse(keys: [16, 256], dims: [1, 4, 16])]
        // Every quoted identifier is a column name, but for colours (after rgb), titles, and the values
        // of the `scale` column.
        let quoted = try NSRegularExpression(pattern: #"(?<!rgb |title )"([a-z][a-z_0-9]*)""#)
        let values = Set(SoftmaxScale.allCases.map(\.rawValue)).subtracting(["d"])
        var checked = 0
        for figure in figures {
            let files = headers.keys.filter { figure.script.contains("\"\($0)\"") }
            #expect(files.count == 1, "\(figure.file) reads \(files)")
            guard let file = files.first, let header = headers[file] else { continue }
            let text = figure.script as NSString
            for match in quoted.matches(in: figure.script, range: NSRange(location: 0, length: text.length)) {
                let name = text.substring(with: match.range(at: 1))
                if values.contains(name) { continue }
                #expect(header.contains(name), "\(figure.file) reads column '\(name)', which \(file) does not have")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// The figures read the grid, not the default run: the histograms loop over the grid's histogram
    /// dimensions (not a fixed list of powers of 2), and the softmax caption names the keys used.
    @Test func figuresFollowTheGridsDimensionsSpreadAndKeys() throws {
        let figures = Figures.figures(for: try Grid(dims: [3, 6, 12], means: [0], sigmas: [2]), keys: 16)
        let histograms = try #require(figures.first { $0.file == "histograms.svg" })
        for d in [3, 6, 12] { #expect(histograms.script.contains("column(\"d\") == \(d) ?")) }
        #expect(histograms.caption.contains("q^T k / (sigma^2 sqrt(d)) at mu = 0, sigma = 2, at d = 3, 6 and 12"))
        #expect(histograms.script.contains("\(FigureText.sigma)^2\(FigureText.sqrtD)"))
        #expect(try #require(figures.first { $0.file == "softmax.svg" }).caption.contains("Attention with 16 keys"))
    }

    /// The figures on a grid at a size: those of the grid, the aligned key's and the collapse's.
    static func all(_ grid: Grid, size: FigureSize) -> [Figures.Figure] {
        Figures.figures(for: grid, keys: 64, size: size)
            + [Figures.aligned(rho: 0.5, keys: 64, limit: 0.0255, dims: grid.dims, size: size),
               Figures.collapse(keys: [16, 256, 4096], dims: grid.dims.filter { $0 <= 64 }, size: size)]
    }

    /// The d axis is labelled at the grid's own dimensions (gnuplot's base-10 ticks once labelled
    /// `--dims 16,64,256` with a single "100"), in every figure over d and at every size; where
    /// they crowd, at powers of two with every grid dimension still a tick.
    @Test(arguments: FigureSize.allCases)
    func ticksAreAtTheGridsDimensions(size: FigureSize) throws {
        for dims in [[16, 64, 256], [2, 3, 5], [1, 4, 16, 64]] {
            let grid = try Grid(dims: dims, means: [0, 1], sigmas: [1])
            for figure in Self.all(grid, size: size) where figure.file != "histograms.svg" {
                // The collapse is drawn at the grid's d up to 64.
                let drawn = figure.file == "collapse.svg" ? dims.filter { $0 <= 64 } : dims
                let labels = "set xtics (" + drawn.map { "\"\($0)\" \($0)" }.joined(separator: ", ") + ")"
                #expect(figure.script.contains(labels), "\(figure.file) at \(size) on \(dims)")
                #expect(figure.script.contains("set logscale x 2"))
            }
        }
        // Many dimensions: labels at powers of two, spaced so they fit; every dimension a tick.
        let crowded = DimensionAxis(dims: Array(1...512), plotWidth: 2.6, fontPoints: 8)
        #expect(crowded.labelled.count >= 3 && crowded.labelled.allSatisfy { $0 & ($0 - 1) == 0 })
        #expect(crowded.labelled.first == 1 && Set(crowded.labelled + crowded.unlabelled) == Set(1...512))
        // The default grid's ten powers of two fit on a page's panel.
        let standard = DimensionAxis(dims: (0...9).map { 1 << $0 }, plotWidth: 5.5, fontPoints: 10)
        #expect(standard.labelled == (0...9).map { 1 << $0 })
    }

    /// One histogram panel per dimension drawn, in a grid with no empty cell, and the caption names
    /// every dimension of the grid left without a histogram.
    @Test(arguments: FigureSize.allCases)
    func histogramPanelsAreTheDimensionsDrawn(size: FigureSize) throws {
        // A grid of at most four dimensions draws them all (16, 64, 256 included); a larger one keeps 1, 4, 16, 64.
        for (dims, drawn) in [([16, 64, 256], [16, 64, 256]), ([3, 6, 12], [3, 6, 12]), ([1, 2, 4, 16], [1, 2, 4, 16]),
                              ([1, 4, 16, 64, 256], [1, 4, 16, 64]), ([5], [5])] {
            let figure = try #require(Figures.figures(for: try Grid(dims: dims, means: [0], sigmas: [1]), keys: 16, size: size)
                .first { $0.file == "histograms.svg" })
            let panels = figure.script.components(separatedBy: "plot \"histogram.csv\"").count - 1
            #expect(panels == drawn.count, "\(dims) at \(size)")
            #expect(figure.layout.rows * figure.layout.columns == drawn.count, "an empty panel on \(dims) at \(size)")
            #expect(figure.layout.columns <= size.maxColumns)
            for d in drawn { #expect(figure.script.contains("\"\(FigureText.d) = \(d)\"")) }
            let missing = dims.filter { !drawn.contains($0) }
            #expect(figure.caption.contains("Not drawn: d = ") == !missing.isEmpty, "\(figure.caption)")
            if let last = missing.last { #expect(figure.caption.contains("\(last) (the report draws every d of a grid with at most four")) }
        }
        // Three panels: side by side on a page, stacked in a column.
        #expect(FigureLayout.grid(panels: 3, size: .page) == (1, 3) && FigureLayout.grid(panels: 3, size: .column) == (3, 1))
        #expect(FigureLayout.grid(panels: 4, size: .column) == (2, 2) && FigureLayout.grid(panels: 2, size: .slide) == (1, 2))
    }

    /// No figure has a title (the caption carries it), every label is set in Unicode mathematics
    /// rather than ASCII (no "mu =", "sigma", "tau", "sqrt("), and series are told apart by style,
    /// not by words in the legend ("(thick)", "(open circles)").
    @Test(arguments: FigureSize.allCases)
    func scriptsHaveNoTitlesAndNoASCIIMathematics(size: FigureSize) throws {
        for figure in Self.all(try Grid(dims: [1, 2, 4, 8, 16, 32, 64], means: [0, 0.5, 1], sigmas: [0.5, 1, 2]), size: size) {
            let script = figure.script
            #expect(!script.contains("set title") && !script.contains("multiplot title"), "\(figure.file)")
            for ascii in ["mu =", "sigma =", "tau =", "sqrt(", "(thick)", "open circles", "rho =", "q^T"] {
                #expect(!script.contains(ascii), "\(figure.file) has '\(ascii)'")
            }
            #expect(script.contains("set encoding utf8"))
            // Every plotted series line sets a style (colour, dash and point type), or a dash type.
            #expect(script.contains(" dt "), "\(figure.file)")
            #expect(script.contains("ls 1") || figure.file == "histograms.svg", "\(figure.file)")
        }
        let aligned = Figures.aligned(rho: 0.5, keys: 64, limit: 0.0255, dims: [1, 2, 4], size: size).script
        #expect(aligned.contains("\(FigureText.rho) = 0.5, \(FigureText.n) = 64 keys"))
        #expect(!aligned.contains("set yrange [0.01:30]") && aligned.contains("stats \"aligned.csv\""))
    }

    /// Each preset's PDF is its print size with its text in points (cairo's PDF needs `fontscale
    /// 0.75` for a 10 pt font to be 10 pt), and the SVG and PNG are the same canvas at 96 and 192
    /// pixels per inch with the text scaled alike.
    @Test func eachPresetsPDFHasItsSizeAndFont() throws {
        let expected: [(FigureSize, width: String, font: Double)] = [(.column, "3.300in", 8), (.page, "6.500in", 10), (.slide, "10.000in", 16)]
        for (size, width, font) in expected {
            for figure in Self.all(try Grid(dims: [16, 64, 256], means: [0, 1], sigmas: [1]), size: size) {
                let layout = figure.layout
                let pdf = Figures.Output.pdf.terminal(layout)
                #expect(pdf.hasPrefix("set terminal pdfcairo size \(width),"), "\(pdf)")
                #expect(pdf.contains("font \"Helvetica,\(NumberText.format(font))\" fontscale 0.75"), "\(pdf)")
                #expect((8...16).contains(font) && (size == .slide || font <= 10))
                #expect(Figures.Output.svg.terminal(layout).contains("size \(Int((layout.width * 96).rounded())),\(Int((layout.height * 96).rounded())) "))
                #expect(Figures.Output.svg.terminal(layout).contains("font \"Helvetica,\(String(format: "%.3g", font * 4 / 3))\""))
                #expect(Figures.Output.png.terminal(layout).contains("size \(Int((layout.width * 192).rounded())),"))
                #expect(Figures.Output.png.terminal(layout).contains("font \"Helvetica,\(NumberText.format(font * 2))\""))
                if size == .slide { #expect(layout.height == 5.625) }
                #expect(layout.height > 1.5 && layout.height < 10, "\(figure.file) at \(size) is \(layout.height) in tall")
                #expect(layout.plotWidth > 1, "\(figure.file) at \(size): panels \(layout.plotWidth) in wide")
            }
        }
    }

    /// `--figure-size` takes column, page or slide, and refuses anything else with the usage status
    /// and the values it allows, before any work.
    @Test func theFigureSizeOptionRefusesABadValue() throws {
        let r = try CLI.run(["report", "--figure-size", "poster", "--out-dir", "/nonexistent/never-written"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--figure-size: 'poster' is not allowed; allowed: 'column', 'page' or 'slide'"), "\(r.stderr)")
        #expect(FigureSize.standard == .page && FigureSize(rawValue: "column") == .column)
    }

    /// A report drawn at the column size has column-sized figures: the PDF's page is 3.3 in wide
    /// (237.6 pt, written 237), the SVG 317 pixels with 8 pt text at 96 pixels per inch (10.7 px).
    @Test(.enabled(if: Figures.gnuplotPath != nil, "gnuplot is not installed (scripts/test.sh installs gnuplot-nox)"))
    func aColumnReportDrawsColumnSizedFigures() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["report", "--dims", "2,3,5", "--means", "0,1", "--sigmas", "1", "--samples", "1e4", "--queries", "200",
                             "--distribution-samples", "2000", "--collapse-keys", "16", "--figure-size", "column", "--quiet",
                             "--out-dir", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for stem in ["variance", "histograms", "softmax", "aligned", "collapse"] {
            let pdf = String(decoding: try Data(contentsOf: dir.appendingPathComponent(stem + ".pdf")), as: UTF8.self)
            #expect(pdf.contains("/MediaBox [ 0 0 237 "), "\(stem).pdf")  // cairo writes whole points
            let svg = try String(contentsOf: dir.appendingPathComponent(stem + ".svg"), encoding: .utf8)
            #expect(svg.contains("width=\"317\"") && svg.contains("font-size=\"10.7"), "\(stem).svg")
            #expect(svg.contains("μ") || svg.contains("√"), "\(stem).svg")
        }
    }
}
