import Testing
@testable import QKModel

/// ``SoftmaxScale``: each temperature's closed form, and which scales a cell shows.
@Suite struct SoftmaxScaleTests {
    @Test func eachTauIsItsClosedForm() {
        let cell = SoftmaxCell(d: 16, mu: 0.5, sigma: 2, keys: 8)
        let d = 16.0, s2 = 4.0, m2 = 0.25
        #expect(SoftmaxScale.none.tau(cell) == 1)
        #expect(SoftmaxScale.sqrtD.tau(cell) == 4)
        #expect(SoftmaxScale.withinQuery.tau(cell) == (d * s2 * (s2 + m2)).squareRoot())
        #expect(SoftmaxScale.total.tau(cell) == (d * (s2 * s2 + 2 * m2 * s2)).squareRoot())
        #expect(SoftmaxScale.d.tau(cell) == 16)
    }

    /// At mu = 0 and sigma = 1 the within-query and total spreads are sqrt(d): the sqrt(d) scale is both.
    @Test func atTheStandardCellEverySpreadIsSqrtD() {
        let cell = SoftmaxCell(d: 64, mu: 0, sigma: 1, keys: 8)
        #expect(SoftmaxScale.withinQuery.tau(cell) == 8 && SoftmaxScale.total.tau(cell) == 8)
    }

    @Test func shownScalesDependOnTheMeanAndTheAlignedKey() {
        #expect(SoftmaxScale.shown(for: SoftmaxCell(d: 4, mu: 0, sigma: 1, keys: 8)) == [.none, .sqrtD])
        #expect(SoftmaxScale.shown(for: SoftmaxCell(d: 4, mu: 1, sigma: 1, keys: 8)) == [.none, .sqrtD, .withinQuery, .total])
        #expect(SoftmaxScale.shown(for: SoftmaxCell(d: 4, mu: 0, sigma: 1, keys: 8, alignedRho: 0.5)) == [.none, .sqrtD, .d])
    }
}
