import Foundation

/// Histograms of T / (sigma^2 sqrt(d)) beside the exact and the normal densities, for the figures.
public enum HistogramTable {
    /// The columns.
    public static let header = ["d", "sigma", "bin_lo", "bin_hi", "count", "density", "density_exact", "density_normal"]

    /// 60 bins on [-5, 5] for each cell given.
    public static func table(_ cells: [(cell: Cell, samples: SampleList, law: VarianceGamma)]) -> CSVTable {
        var table = CSVTable(header: header)
        let f = NumberText.format
        let bins = 60, lo = -5.0, width = 10.0 / Double(bins)
        for (cell, samples, law) in cells {
            let scale = cell.sigma * cell.sigma * Double(cell.d).squareRoot()
            var counts = [Int](repeating: 0, count: bins)
            for t in samples.values {
                let b = Int(((t / scale) - lo) / width)
                if b >= 0 && b < bins { counts[b] += 1 }
            }
            let n = Double(samples.values.count), root = Double(cell.d).squareRoot()
            for b in 0..<bins {
                let left = lo + Double(b) * width, mid = left + width / 2
                let exact = root * law.density(mid * root)  // density of X / sqrt(d), X ~ VG(d)
                let normal = exp(-mid * mid / 2) / (2 * Double.pi).squareRoot()
                table.append([String(cell.d), f(cell.sigma), f(left), f(left + width), String(counts[b]),
                              f(Double(counts[b]) / (n * width)), f(exact), f(normal)])
            }
        }
        return table
    }
}
