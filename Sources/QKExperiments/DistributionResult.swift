import QKGSL
import QKModel
import QKStatistics
import QKTheory
/// One cell's distribution tests.
public struct DistributionResult: Sendable {
    /// The cell whose samples were tested.
    public let cell: Cell
    /// The number of samples.
    public let samples: Int
    /// KS distance of T / sigma^2 from the exact variance-gamma law.
    package let exact: KolmogorovSmirnov
    /// KS distance of T / (sigma^2 sqrt(d)) from N(0, 1).
    package let normal: KolmogorovSmirnov
    /// Pearson's chi-square of the histogram of T / (sigma^2 sqrt(d)) against the exact law's bin
    /// probabilities (``HistogramBins``): the binned counterpart of the KS test, which weighs the peak
    /// and the tails as the figure shows them.
    public let chiSquare: (statistic: Double, degreesOfFreedom: Int, p: Double)
    /// The histogram of T / (sigma^2 sqrt(d)) the chi-square counts (and the figure draws).
    package let bins: HistogramBins
    /// The exact law's probability of each bin.
    package let exactBinProbabilities: [Double]

    /// Tests one cell's samples against both laws.
    package init(cell: Cell, samples: SampleList, law: VarianceGamma) {
        precondition(law.d == cell.d)
        self.cell = cell
        self.samples = samples.values.count
        let s2 = cell.sigma * cell.sigma, root = Double(cell.d).squareRoot()
        exact = KolmogorovSmirnov(samples.values.map { $0 / s2 }, cdf: law.cdf)
        normal = KolmogorovSmirnov(samples.values.map { $0 / (s2 * root) }, cdf: SpecialFunctions.normalCDF)
        bins = HistogramBins(samples.values.map { $0 / (s2 * root) })
        exactBinProbabilities = HistogramBins.probabilities { law.cdf($0 * root) }  // X / sqrt(d), X ~ VG(d)
        chiSquare = bins.chiSquare(probabilities: exactBinProbabilities)
    }
}
