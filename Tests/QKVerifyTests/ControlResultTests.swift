import Foundation
import Testing
@testable import QKModel
@testable import QKExperiments
@testable import QKVerdicts

/// ``ControlResult``: a true formula passes, a wrong one is detected, one no cell can tell apart is said to be undetected.
@Suite struct ControlResultTests {
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
