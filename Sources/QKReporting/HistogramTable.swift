import Foundation
import QKSupport
import QKGSL
import QKModel
import QKStatistics
import QKTheory

/// Histograms of T / (sigma^2 sqrt(d)) beside the exact and the normal densities, for the figures.
public enum HistogramTable {
    /// The CSV columns, in order.
    public static let header = ["d", "sigma", "bin_lo", "bin_hi", "count", "density", "density_exact", "density_normal"]

    /// The 60 bins of ``HistogramBins`` for each cell given. `density_exact` and `density_normal`
    /// are each law's exact probability of the bin over its width (the bin's mean density, which is
    /// what a histogram estimates; at d = 1 the density itself is infinite at 0).
    public static func table(_ cells: [(cell: Cell, samples: SampleList, law: VarianceGamma)]) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        let width = HistogramBins.width
        let normal = HistogramBins.probabilities(cdf: SpecialFunctions.normalCDF)
        for (cell, samples, law) in cells {
            let root = Double(cell.d).squareRoot(), scale = cell.sigma * cell.sigma * root
            let bins = HistogramBins(samples.values.map { $0 / scale })
            let exact = HistogramBins.probabilities { law.cdf($0 * root) }  // X / sqrt(d), X ~ VG(d)
            let n = Double(samples.values.count)
            for b in 0..<HistogramBins.count {
                let left = HistogramBins.left(b)
                table.append([String(cell.d), f(cell.sigma), f(left), f(left + width), String(bins.counts[b]),
                              f(Double(bins.counts[b]) / (n * width)), f(exact[b] / width), f(normal[b] / width)])
            }
        }
        return table
    }
}
