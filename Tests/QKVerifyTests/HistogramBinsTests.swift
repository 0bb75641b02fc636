import Foundation
import Testing
@testable import QKGSL
@testable import QKStatistics
@testable import QKTheory
@testable import QKExperiments

/// The histogram compares like with like: exact bin probabilities, the right first bin, and a
/// chi-square test with teeth.
@Suite struct HistogramBinsTests {
    @Test func valuesBelowTheRangeGoToTheTailNotTheFirstBin() {
        let bins = HistogramBins([-5.1, -5.0, -4.9, 5.0, 4.99])
        #expect(bins.counts[HistogramBins.count] == 1)       // -5.1: left tail (truncation put it in bin 0)
        #expect(bins.counts[0] == 2)                         // -5.0 and -4.9
        #expect(bins.counts[HistogramBins.count - 1] == 1)   // 4.99
        #expect(bins.counts[HistogramBins.count + 1] == 1)   // 5.0: right tail
    }

    @Test func binProbabilitiesOfTheExactLawSumToOneAndMatchItsPeakAtDOne() {
        let law = VarianceGamma(d: 1)
        let p = HistogramBins.probabilities { law.cdf($0) }
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        // The bin [0, 1/6) at d = 1: the density is infinite at 0, its bin mean is 0.928.
        #expect(abs(p[30] / HistogramBins.width - 0.9279) < 1e-3)
    }

    @Test func chiSquareAcceptsTheExactLawAndRejectsTheNormalAtDOne() throws {
        let design = try DistributionExperiment(dims: [1], sigmas: [1], samples: 100_000, seed: 3, generator: GeneratorType(name: "mt19937"))
        let lists = design.run(threads: 2)
        let (results, _) = design.analyse(lists, histogramDims: [])
        #expect(results[0].chiSquare.p > 0.001, "\(results[0].chiSquare)")
        let normal = HistogramBins.probabilities(cdf: SpecialFunctions.normalCDF)
        let wrong = HistogramBins(lists[0].values).chiSquare(probabilities: normal)
        #expect(wrong.p < 1e-10, "\(wrong)")
    }
}
