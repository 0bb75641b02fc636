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
}
