import Foundation
import Testing
@testable import QKModel
@testable import QKReporting

/// ``Figures``: the gnuplot scripts read the grid they are drawn for.
@Suite struct FiguresTests {
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
