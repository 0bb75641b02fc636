import Foundation
import Testing
@testable import QKGSL
@testable import QKTheory

/// ``AttentionWeights`` and ``AttentionTheory`` against seeded Monte Carlo with GSL's generator:
/// each statistic's sample mean over independent draws must lie within 5 standard errors (the
/// sample standard deviation over the square root of the draws) of the exact expectation, whose
/// own bound is far smaller. With every z standard normal, one |z| >= 5 in these 70-odd
/// comparisons has probability 4e-5; the seeds make each run the same.
@Suite struct AttentionMonteCarloTests {
    /// Mean and standard error of each statistic over `sets` draws of the logits `draw()`.
    static func sample(sets: Int, _ draw: () -> [Double]) -> [AttentionStatistic: (mean: Double, error: Double)] {
        var sums: [AttentionStatistic: (Double, Double)] = [:]
        for _ in 0..<sets {
            for (statistic, value) in AttentionWeightsTests.statistics(ofLogits: draw()) {
                let (s1, s2) = sums[statistic, default: (0, 0)]
                sums[statistic] = (s1 + value, s2 + value * value)
            }
        }
        let n = Double(sets)
        return sums.mapValues { s1, s2 in
            let mean = s1 / n
            return (mean, (max(s2 / n - mean * mean, 0) / (n - 1)).squareRoot())
        }
    }

    /// Conditional on the logit scale: N in {8, 64}, s in {0.5, 1, 2, 4}, 10^5 sets each.
    @Test(arguments: [8, 64], [0.5, 1, 2, 4])
    func conditionalExpectationsMatchSimulatedWeights(keys: Int, scale: Double) {
        let generator = RandomGenerator(type: .standard)
        generator.seed(UInt(1000 * keys) + UInt(scale * 10))
        let measured = Self.sample(sets: 100_000) {
            (0..<keys).map { _ in scale * generator.standardGaussian() }
        }
        let exact = AttentionWeights(keys: keys, scale: scale).expectations()
        for statistic in AttentionStatistic.allCases {
            let (mean, error) = measured[statistic]!
            let z = (mean - exact[statistic].value) / error
            #expect(abs(z) < 5, "\(statistic) at N = \(keys), s = \(scale): simulated \(mean) ± \(error), exact \(exact[statistic])")
        }
    }
}
