import Foundation
import Testing
@testable import QKModel
@testable import QKReporting
@testable import QKSampling

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
            + [Figures.aligned(rho: 0.5, keys: 16, limit: 0.1), Figures.collapse(keys: [16, 256])]
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
        #expect(histograms.script.contains("do for [dd in \"3 6 12\"]"))
        #expect(histograms.caption.contains("q^T k / (sigma^2 sqrt(d)) at mu = 0, sigma = 2"))
        #expect(try #require(figures.first { $0.file == "softmax.svg" }).caption.hasPrefix("Attention with 16 keys"))
    }
}
