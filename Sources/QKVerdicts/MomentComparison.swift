import QKModel
import QKStatistics
import QKExperiments
/// One cell's estimates set beside the closed forms: estimates, standard errors and z-scores.
///
/// `z = (estimate - theory) / estimated standard error`. The estimated errors come from the samples
/// alone (the variance's from the k-statistics, including the fourth cumulant); the `*Theory` errors
/// are the exact ones under the closed form, shown so the two can be compared. Where the cell has no
/// closed form (or lacks the moment a test needs) the theory values are NaN and the test is not made.
public struct MomentComparison: Sendable, Hashable {
    /// The cell compared.
    public let cell: Cell
    /// Samples drawn.
    public let samples: Int
    /// E[T] by the closed form (NaN where none is known).
    public let meanTheory: Double
    /// The sample mean.
    public let meanEstimate: Double
    /// Its estimated standard error, sqrt(s^2 / n).
    public let meanSE: Double
    /// Its exact standard error, sqrt(kappa2 / n).
    public let meanSETheory: Double
    /// Var(T) by the closed form (NaN where none is known).
    public let varianceTheory: Double
    /// The unbiased sample variance s^2.
    public let varianceEstimate: Double
    /// Its estimated standard error, sqrt(k4 / n + 2 k2^2 / (n - 1)).
    public let varianceSE: Double
    /// Its exact standard error, sqrt(kappa4 / n + 2 kappa2^2 / (n - 1)).
    public let varianceSETheory: Double
    /// The skewness kappa3 / kappa2^(3/2) by the closed form, with its estimator's exact standard error.
    public let skewnessTheory: ShapeEstimate
    /// The sample skewness k3 / k2^(3/2), with its estimated delta-method standard error.
    public let skewnessEstimate: ShapeEstimate
    /// The excess kurtosis kappa4 / kappa2^2 by the closed form, with its estimator's exact standard error.
    public let kurtosisTheory: ShapeEstimate
    /// The sample excess kurtosis k4 / k2^2, with its estimated delta-method standard error.
    public let kurtosisEstimate: ShapeEstimate
    /// How far from normal each test statistic is in this cell: which tests can be trusted.
    public let samplingSkewness: SamplingSkewness

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
        (skewnessTheory, kurtosisTheory) = theory.shape(samples: m.count)
        (skewnessEstimate, kurtosisEstimate) = m.shape
        // The rule needs central moments up to order 12; where the closed form stops short but T has
        // every moment (normalized vectors), the mean's and variance's factors (orders 3 and 6) come
        // from the sample's own central moments (up to order 8). Where a moment may not exist
        // (Student's t), nothing is estimated: the test is not made.
        var exact = SamplingSkewness(theory)
        if theory.momentsExist == .max {
            exact = exact.filled(from: SamplingSkewness(centralMoments: [1, 0] + (2...8).map { m.centralMoment($0) }))
        }
        samplingSkewness = exact
    }

    /// (mean estimate - E[T]) / mean SE.
    public var meanZ: Double { (meanEstimate - meanTheory) / meanSE }
    /// (s^2 - Var(T)) / variance SE.
    public var varianceZ: Double { (varianceEstimate - varianceTheory) / varianceSE }
    /// The standard error the skewness test uses: the exact one of the known law. (An estimate and its
    /// estimated error are driven by the same rare large values, which skews a studentized z.)
    public var skewnessSE: Double { skewnessTheory.standardError }
    /// The standard error the kurtosis test uses: the exact one, as for the skewness.
    public var kurtosisSE: Double { kurtosisTheory.standardError }

    /// Whether a test's normal approximation holds at this cell's sample size (see ``SamplingSkewness``)
    /// and double precision can estimate it (see ``NumericalRange``).
    public func isReliable(_ test: MomentTest) -> Bool {
        samplingSkewness.isReliable(test, samples: samples) && numericalProblem(test) == nil
    }

    /// Why double precision cannot estimate a test here, or nil (see ``NumericalRange``).
    public func numericalProblem(_ test: MomentTest) -> String? {
        NumericalRange.problem(test, cell: cell, samples: samples,
                               variance: varianceTheory.isFinite && varianceTheory > 0 ? varianceTheory : varianceEstimate)
    }

    /// Whether the table's test of a closed form is made: the closed form and its standard error are
    /// known here, and the normal approximation holds.
    public func isTested(_ test: MomentTest) -> Bool {
        zScores[test.index].isFinite && isReliable(test)
    }
    /// (sample skewness - closed form) / its standard error.
    public var skewnessZ: Double { (skewnessEstimate.value - skewnessTheory.value) / skewnessSE }
    /// (sample excess kurtosis - closed form) / its standard error.
    public var kurtosisZ: Double { (kurtosisEstimate.value - kurtosisTheory.value) / kurtosisSE }

    /// The z-scores of the cell's four tests, in ``MomentTest`` order.
    public var zScores: [Double] { [meanZ, varianceZ, skewnessZ, kurtosisZ] }

    /// Var(T / sqrt(d)) by the closed form (sigma^4 + 2 mu^2 sigma^2 in the seed model).
    public var scaledVarianceTheory: Double { varianceTheory / Double(cell.d) }
    /// s^2 / d, the estimate of Var(T / sqrt(d)).
    public var scaledVarianceEstimate: Double { varianceEstimate / Double(cell.d) }
    /// The variance's relative standard error, var_se / s^2.
    public var varianceRelativeSE: Double { varianceSE / varianceEstimate }
}
