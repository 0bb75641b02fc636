import Foundation
import QKGSL

/// The bins of T / (sigma^2 sqrt(d)) that the histogram figure and the chi-square test share: 60 of
/// width 1/6 on [-5, 5], and for the test two more for the tails beyond.
package struct HistogramBins: Sendable, Hashable {
    /// The number of bins on [lo, hi).
    package static let count = 60
    /// The range the bins cover.
    static let lo = -5.0, hi = 5.0
    /// A bin's width.
    package static var width: Double { (hi - lo) / Double(count) }

    /// The counts of the 60 bins, then the left tail, then the right tail.
    package let counts: [Int]

    /// Bins standardized samples. The bin of x is `floor((x - lo) / width)`: rounding toward zero
    /// would put (lo - width, lo) into bin 0 too.
    package init(_ standardized: [Double]) {
        var counts = [Int](repeating: 0, count: HistogramBins.count + 2)
        for x in standardized where !x.isNaN {
            let position = ((x - HistogramBins.lo) / HistogramBins.width).rounded(.down)
            if position < 0 { counts[HistogramBins.count] += 1 }
            else if position >= Double(HistogramBins.count) { counts[HistogramBins.count + 1] += 1 }
            else { counts[Int(position)] += 1 }
        }
        self.counts = counts
    }

    /// The left edge of bin b (0 ..< count).
    package static func left(_ b: Int) -> Double { lo + Double(b) * width }

    /// The exact probability of each bin (the 60, then the two tails) for a standardized law with
    /// this cdf: differences of the cdf, so a density's singularity inside a bin is integrated, not
    /// sampled at the midpoint.
    package static func probabilities(cdf: (Double) -> Double) -> [Double] {
        let edges = (0...count).map { cdf(left($0)) }
        return (0..<count).map { edges[$0 + 1] - edges[$0] } + [edges[0], 1 - edges[count]]
    }

    /// Pearson's chi-square of these counts against the exact bin probabilities, with adjacent bins
    /// pooled (left to right, tails last) until each expects at least 5: the statistic, its degrees
    /// of freedom (pooled bins - 1) and the upper-tail p-value.
    package func chiSquare(probabilities p: [Double]) -> (statistic: Double, degreesOfFreedom: Int, p: Double) {
        let n = Double(counts.reduce(0, +))
        // In order along the line: left tail, the 60 bins, right tail.
        let order = [HistogramBins.count] + Array(0..<HistogramBins.count) + [HistogramBins.count + 1]
        var pooled: [(observed: Double, expected: Double)] = []
        var observed = 0.0, expected = 0.0
        for b in order {
            observed += Double(counts[b])
            expected += n * p[b]
            if expected >= 5 {
                pooled.append((observed, expected))
                observed = 0
                expected = 0
            }
        }
        if expected > 0 || observed > 0, !pooled.isEmpty {
            pooled[pooled.count - 1].observed += observed
            pooled[pooled.count - 1].expected += expected
        }
        let statistic = pooled.reduce(0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
        let df = max(pooled.count - 1, 1)
        return (statistic, df, SpecialFunctions.chiSquaredUpperTail(statistic, degreesOfFreedom: Double(df)))
    }
}
