import QKGSL
import QKModel
import QKStatistics
import QKTheory
import QKExperiments

/// Histograms of T / (sigma^2 sqrt(d)) beside the exact and the normal densities, for the figures.
package enum HistogramTable {
    /// One row: a bin of one cell's histogram.
    package struct Row: Sendable {
        /// The cell.
        package let cell: Cell
        /// The bin's index in ``HistogramBins``.
        package let bin: Int
        /// The samples in the bin.
        package let count: Int
        /// The samples in the histogram.
        package let total: Int
        /// The exact law's probability of the bin.
        package let exact: Double
        /// The normal law's probability of the bin.
        package let normal: Double
    }

    /// Every column, in order. `density_exact` and `density_normal` are each law's exact probability
    /// of the bin over its width (the bin's mean density, which is what a histogram estimates; at
    /// d = 1 the density itself is infinite at 0).
    package static let columns: [Column<Row>] = [
        Column("d", "dimension") { .integer($0.cell.d) },
        Column("sigma", "coordinate spread (mu = 0)") { .number($0.cell.sigma) },
        Column("bin_lo", "left end of the bin, in units of sigma^2 sqrt(d)") { .number(HistogramBins.left($0.bin)) },
        Column("bin_hi", "right end of the bin") { .number(HistogramBins.left($0.bin) + HistogramBins.width) },
        Column("count", "samples in the bin") { .integer($0.count) },
        Column("density", "count / (samples x width)") { .number(Double($0.count) / (Double($0.total) * HistogramBins.width)) },
        Column("density_exact", "the exact law's mean density over the bin") { .number($0.exact / HistogramBins.width) },
        Column("density_normal", "the normal law's mean density over the bin") { .number($0.normal / HistogramBins.width) },
    ]

    /// The column names, in order.
    package static var header: [String] { columns.map(\.name) }

    /// The 60 bins of ``HistogramBins`` for each result given, as its distribution test counted them.
    package static func table(_ results: [DistributionResult]) -> Table {
        let normal = HistogramBins.probabilities(cdf: SpecialFunctions.normalCDF)
        return results.flatMap { r in
            (0..<HistogramBins.count).map {
                Row(cell: r.cell, bin: $0, count: r.bins.counts[$0], total: r.samples, exact: r.exactBinProbabilities[$0], normal: normal[$0])
            }
        }.table(columns)
    }
}
