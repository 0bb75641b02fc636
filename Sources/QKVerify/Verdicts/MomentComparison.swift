/// One cell's estimates set beside the closed forms: estimates, standard errors and z-scores.
///
/// `z = (estimate - theory) / estimated standard error`. The estimated errors come from the samples
/// alone (the variance's from the k-statistics, including the fourth cumulant); the `*Theory` errors
/// are the exact ones under the closed form, shown so the two can be compared.
public struct MomentComparison: Sendable, Hashable {
    /// The cell.
    public let cell: Cell
    /// Samples drawn.
    public let samples: Int
    /// E[T] = d mu^2.
    public let meanTheory: Double
    /// The sample mean.
    public let meanEstimate: Double
    /// Its estimated standard error, sqrt(s^2 / n).
    public let meanSE: Double
    /// Its exact standard error, sqrt(kappa2 / n).
    public let meanSETheory: Double
    /// Var(T) = d (sigma^4 + 2 mu^2 sigma^2).
    public let varianceTheory: Double
    /// The unbiased sample variance s^2.
    public let varianceEstimate: Double
    /// Its estimated standard error, sqrt(k4 / n + 2 k2^2 / (n - 1)).
    public let varianceSE: Double
    /// Its exact standard error, sqrt(kappa4 / n + 2 kappa2^2 / (n - 1)).
    public let varianceSETheory: Double

    /// Compares one cell's result with the closed forms.
    public init(_ result: CellResult) {
        let theory = result.cell.theory
        let m = result.moments
        cell = result.cell
        samples = m.count
        meanTheory = theory.mean
        meanEstimate = m.mean
        meanSE = m.meanStandardError
        meanSETheory = theory.meanStandardError(samples: m.count)
        varianceTheory = theory.variance
        varianceEstimate = m.variance
        varianceSE = m.varianceStandardError
        varianceSETheory = theory.varianceStandardError(samples: m.count)
    }

    /// (mean estimate - E[T]) / mean SE.
    public var meanZ: Double { (meanEstimate - meanTheory) / meanSE }
    /// (s^2 - Var(T)) / variance SE.
    public var varianceZ: Double { (varianceEstimate - varianceTheory) / varianceSE }
    /// Var(T / sqrt(d)) by the closed form: sigma^4 + 2 mu^2 sigma^2.
    public var scaledVarianceTheory: Double { varianceTheory / Double(cell.d) }
    /// s^2 / d, the estimate of Var(T / sqrt(d)).
    public var scaledVarianceEstimate: Double { varianceEstimate / Double(cell.d) }
    /// The variance's relative standard error, var_se / s^2.
    public var varianceRelativeSE: Double { varianceSE / varianceEstimate }
}
