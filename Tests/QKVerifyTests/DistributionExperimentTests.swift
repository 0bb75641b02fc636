import Foundation
import Testing
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts

/// ``DistributionExperiment`` and ``DistributionResult``: the samples follow the exact law, not the normal, at small d.
@Suite struct DistributionExperimentTests {
    /// The samples' KS distance from the exact law is consistent with zero at every d; from the normal,
    /// clearly not at d = 1.
    @Test func ksDistanceToTheExactLawIsConsistentWithZero() throws {
        let experiment = try DistributionExperiment(dims: [1, 2, 5, 64], sigmas: [1, 3], samples: 20_000, seed: 3, generator: .standard)
        let lists = experiment.run(threads: 2)
        let results = zip(experiment.cells, lists).map { DistributionResult(cell: $0, samples: $1, law: VarianceGamma(d: $0.d)) }
        let rejected = HolmBonferroni.rejections(results.map(\.exact.p), alpha: 0.001)
        #expect(!rejected.contains(true), "\(results.map(\.exact.p))")
        #expect(results.filter { $0.cell.d == 1 }.allSatisfy { $0.normal.p < 1e-10 })
    }

    /// Where double precision cannot hold T / sigma^2 (sigma = 1e300 overflows, 1e-300 and 1e-170
    /// underflow: every sample NaN, every bin empty, KS distance 0 and p = 1, once a "pass"), the
    /// cell is untested: no test made, none rejected, none counted in Holm's families. Just inside
    /// the range (sigma = 1e-140, 1e140) the tests are made and the exact law holds.
    @Test(arguments: [1e300, 1e-300, 1e-170])
    func cellsWhoseSamplesDoublePrecisionCannotHoldAreUntestedNotPassed(sigma: Double) throws {
        let experiment = try DistributionExperiment(dims: [1, 2], sigmas: [sigma, 1e-140, 1e140], samples: 20_000, seed: 3, generator: .standard)
        let (results, _) = experiment.analyse(experiment.run(threads: 2), histogramDims: [])
        let verdict = DistributionVerdict(results, alpha: 0.001)
        for i in results.indices {
            let extreme = results[i].cell.sigma == sigma
            #expect(verdict.isTested(i) == !extreme, "sigma \(results[i].cell.sigma): \(verdict.untested[i] ?? "tested")")
            #expect(verdict.verdictText(verdict.exactRejected, i) == (extreme ? "untested" : "pass"))
            #expect(verdict.verdictText(verdict.chiSquareRejected, i) == (extreme ? "untested" : "pass"))
        }
        #expect(verdict.untestedCount == 2 && !verdict.exactLawRejected)
    }
}
