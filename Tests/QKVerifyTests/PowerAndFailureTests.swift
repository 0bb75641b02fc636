import Foundation
import Testing
@testable import QKVerify

/// Every verdict path says fail where it should.
@Suite struct PowerAndFailureTests {
    /// A 3% error in the variance formula is rejected at 10^5 samples on a small grid, and the
    /// reported detectable error says it would be.
    @Test func threePercentVarianceErrorIsRejected() throws {
        let design = try Fixtures.design(dims: [64, 256], means: [0], sigmas: [1], samples: 100_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let wrong = try Claim(.variance, "1.03*d*(sigma^4 + 2*mu^2*sigma^2)")
        let right = try Claim(.variance, "d*(sigma^4 + 2*mu^2*sigma^2)")
        let check = try ClaimCheck(claims: [wrong, right], comparisons: rows, alpha: 0.001)
        #expect(!check.holds(wrong) && check.cellCounts(wrong).rejected == 2)
        #expect(check.holds(right))
        for c in rows.indices {
            #expect(MomentsVerdict(rows, alpha: 0.001).varianceMinimumDetectable(cell: c) < 0.03)
        }
    }

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

    /// Controls: plausible wrong formulas are detected on a small grid; a true one passes; a wrong one
    /// the grid cannot see is reported undetected with a cell that would catch it.
    @Test func controlsSayDetectedUndetectedAndPass() throws {
        let design = try Fixtures.design(dims: [4, 64], means: [0, 1], sigmas: [1], samples: 20_000)
        let rows = MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init)
        let results = try NegativeControl.standard.map { try ControlResult($0, comparisons: rows, alpha: 0.001) }
        for r in results where r.control.claim.quantity != .kurtosis && r.control.claim.quantity != .skewness {
            #expect(r.status == (r.control.isTrue ? .pass : .detected), "\(r.control.claim.label): \(r.status)")
        }
        // Var = d sigma^4 differs from the truth only where mu != 0: on a mu = 0 grid it is undetected.
        let zeroMean = try Fixtures.design(dims: [4, 64], means: [0], sigmas: [1, 2], samples: 20_000)
        let zeroRows = MomentsExperiment(design: zeroMean, threads: 2).run().map(MomentComparison.init)
        let hidden = try ControlResult(NegativeControl(.variance, "d*sigma^4", isTrue: false), comparisons: zeroRows, alpha: 0.001)
        #expect(hidden.status == .undetected)
        let catchWith = try #require(hidden.catchWith)
        #expect(catchWith.cell.mu != 0 && catchWith.samples >= MomentsDesign.minSamples)
        // A true formula fed wrong data reports a false failure.
        let shifted = rows.map { MomentComparison(CellResult(cell: Cell(d: $0.cell.d * 2, mu: $0.cell.mu, sigma: $0.cell.sigma),
                                                              moments: MomentsExperiment(design: design, threads: 1).run()[0].moments)) }
        let falseFailure = try ControlResult(NegativeControl(.variance, "d*(sigma^4 + 2*mu^2*sigma^2)", isTrue: true),
                                             comparisons: shifted, alpha: 0.001)
        #expect(falseFailure.status == .falseFailure)
    }
}
