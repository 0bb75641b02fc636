import Foundation
import Testing
@testable import QKStatistics
@testable import QKTheory
@testable import QKExperiments
@testable import QKVerdicts

/// The verifier's error rates, measured: true claims over many seeds give uniform p-values, and the
/// family-wise false-failure rate stays within alpha up to Monte Carlo error.
@Suite struct CalibrationTests {
    static let runs = 1000

    /// 1000 small runs at the smallest sample size allowed (where calibration is hardest), seeds 1...1000.
    static let verdicts: [MomentsVerdict] = {
        (1...runs).map { seed in
            let design = try! Fixtures.design(dims: [1, 4], means: [0, 1], sigmas: [1], samples: 10_000, seed: UInt64(seed))
            return MomentsVerdict(MomentsExperiment(design: design, threads: 2).run().map(MomentComparison.init), alpha: 0.001)
        }
    }()

    /// Each test's p-values, pooled over cells and seeds, are uniform: KS p-value above 0.001.
    @Test(arguments: [MomentStatistic.mean, .variance, .skewness])
    func pValuesOfTrueClaimsAreUniform(test: MomentStatistic) {
        var p: [Double] = []
        for v in Self.verdicts {
            for (c, comparison) in v.comparisons.enumerated() where v.tested[c].contains(test) {
                p.append(comparison[test].p)
            }
        }
        // The skewness test is not made at d = 1 with 10^4 samples: at mu = 1 its statistic is too skewed
        // (it needs 22,536 samples), at mu = 0 too heavy-tailed (SamplingSkewness.kurtosisLimit). At d = 4,
        // mu = 1 it is made since the rule counts the estimator's curvature (it needs 8,000, not 20,300).
        #expect(p.count == (test == .skewness ? 2 : 4) * Self.runs)
        let ks = KolmogorovSmirnov(p) { min(max($0, 0), 1) }
        #expect(ks.p > 0.001, "\(test): KS D = \(ks.distance), p = \(ks.p)")
    }

    /// Runs with any true claim rejected: at most R alpha + 4 sd + 1 (normal bound on the binomial),
    /// at the default alpha and at 0.05, where a missing multiplicity correction (12 tests per run)
    /// would fail about 45% of runs.
    @Test(arguments: [0.001, 0.05])
    func familyWiseFalseFailureRateIsWithinAlpha(alpha: Double) {
        let failures = Self.verdicts.filter { !MomentsVerdict($0.comparisons, alpha: alpha).allPass }.count
        let expected = Double(Self.runs) * alpha
        let bound = expected + 4 * (expected * (1 - alpha)).squareRoot() + 1
        #expect(Double(failures) <= bound, "\(failures) of \(Self.runs) runs failed at alpha \(alpha)")
        // And the test has teeth: without Holm, at 0.05 about 1 - 0.95^12 of runs would fail.
        if alpha == 0.05 {
            let uncorrected = Self.verdicts.filter { v in
                v.comparisons.enumerated().contains { c, r in
                    MomentStatistic.all.contains { t in v.tested[c].contains(t) && r[t].p <= alpha }
                }
            }.count
            #expect(Double(uncorrected) > bound)
        }
    }

    @Test func ksDetectsANonUniformSample() {
        let squares = (0..<1000).map { pow(Double($0) / 1000, 2) }  // piles up near 0
        #expect(KolmogorovSmirnov(squares) { $0 }.p < 1e-6)
        let even = (0..<1000).map { (Double($0) + 0.5) / 1000 }
        #expect(KolmogorovSmirnov(even) { $0 }.p > 0.99)
    }
}
