import Foundation
import Testing
@testable import QKGSL
@testable import QKModel
@testable import QKStatistics
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts

/// ``MomentsVerdict``: the four z-tests of every cell, judged together by Holm.
@Suite struct MomentsVerdictTests {
    /// The moments table says fail when the data do not follow the closed form: here samples whose
    /// variance is 10% too large, summarised as if they were the cell's.
    @Test func momentsVerdictFailsOnWrongData() {
        var r = TestRandom(state: 5)
        var moments = StreamingMoments()
        for _ in 0..<100_000 {
            // Box-Muller: N(0, 1.1 * 4) for a cell whose Var(T) is 4 (d = 4, mu = 0, sigma = 1).
            let z = (-2 * log(1 - r.uniform())).squareRoot() * cos(2 * .pi * r.uniform())
            moments.add(z * (4.4).squareRoot())
        }
        let cell = Cell(d: 4, mu: 0, sigma: 1)
        let verdict = MomentsVerdict([MomentComparison(CellResult(cell: cell, moments: moments))], alpha: 0.001)
        #expect(!verdict.allPass)
        #expect(verdict.rejectedTests(cell: 0).contains(.variance))
        #expect(!verdict.rejectedTests(cell: 0).contains(.mean))
    }

    /// Every verdict path says fail where it should: each of the four tests, fed a wrong closed form
    /// through a cell whose comparison is shifted, is rejected; untested tests never are.
    @Test func trueClosedFormsPassAndTestsTheSampleCannotCarryAreSkipped() throws {
        let design = try Fixtures.design(dims: [1, 256], means: [0, 1], sigmas: [1], samples: 100_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let verdict = MomentsVerdict(rows, alpha: 0.001)
        #expect(verdict.allPass)
        #expect(verdict.untestedTests(cell: 0) == [.kurtosis])   // d = 1: kurtosis needs ~10^7 samples
        #expect(verdict.untestedTests(cell: 1).isEmpty)       // d = 256: all four tests made
    }

    /// Each of the four tests rejects a wrong closed form: samples of one cell judged against the
    /// closed forms of another that differs in that statistic.
    @Test(arguments: [
        (MomentStatistic.mean, Cell(d: 4, mu: 0.2, sigma: 1), Cell(d: 4, mu: 0, sigma: 1)),
        (.variance, Cell(d: 4, mu: 0, sigma: 1.05), Cell(d: 4, mu: 0, sigma: 1)),
        (.skewness, Cell(d: 16, mu: 0.5, sigma: 1), Cell(d: 16, mu: 0, sigma: 1)),
        (.kurtosis, Cell(d: 16, model: CoordinateModel(law: .uniform, muQ: 0, muK: 0, sigmaQ: 1, sigmaK: 1)), Cell(d: 16, mu: 0, sigma: 1)),
    ])
    func eachOfTheFourTestsRejectsAWrongClosedForm(test: MomentStatistic, drawn: Cell, claimed: Cell) throws {
        let m = drawn.model
        let grid = try Grid(dims: [drawn.d], laws: [m.law], meanPairs: [(m.muQ, m.muK)], sigmaPairs: [(m.sigmaQ, m.sigmaK)])
        let design = try MomentsDesign(grid: grid, samples: 200_000, seed: 11, generator: GeneratorType(name: "mt19937"))
        let result = MomentsExperiment(design: design, threads: 2).run()[0]
        let verdict = MomentsVerdict([MomentComparison(CellResult(cell: claimed, moments: result.moments))], alpha: 0.001)
        #expect(verdict.rejectedTests(cell: 0).contains(test), "\(test): rejected \(verdict.rejectedTests(cell: 0)), untested \(verdict.untestedTests(cell: 0))")
    }
}
