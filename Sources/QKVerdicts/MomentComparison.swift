import QKModel
import QKTheory
import QKExperiments
/// One cell's estimates set beside the closed forms: estimates, standard errors and z-scores.
///
/// Each statistic (``MomentStatistic``) has its estimate, its closed form and a z between them
/// (``StatisticComparison``). The estimated errors come from the samples alone (the variance's from
/// the k-statistics, including the fourth cumulant); the theory's are the exact ones under the closed
/// form, shown so the two can be compared. Where the cell has no
/// closed form (or lacks the moment a test needs) the theory values are NaN and the test is not made.
public struct MomentComparison: Sendable, Hashable {
    /// The cell compared.
    public let cell: Cell
    /// Samples drawn.
    public let samples: Int
    /// Each statistic's estimate beside its closed form.
    public let statistics: [MomentStatistic: StatisticComparison]
    /// How far from normal each test statistic is in this cell: which tests can be trusted.
    package let samplingSkewness: SamplingSkewness

    /// Compares one cell's result with the closed forms.
    public init(_ result: CellResult) {
        let theory = result.cell.theory
        let m = result.moments
        cell = result.cell
        samples = m.count
        var statistics: [MomentStatistic: StatisticComparison] = [:]
        for statistic in MomentStatistic.all {
            statistics[statistic] = StatisticComparison(statistic: statistic, estimate: statistic.estimate(m),
                                                        theory: statistic.theory(theory, samples: m.count))
        }
        self.statistics = statistics
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

    /// One statistic's comparison.
    public subscript(_ statistic: MomentStatistic) -> StatisticComparison { statistics[statistic]! }

    /// Whether a statistic's normal approximation holds at this cell's sample size (see
    /// ``SamplingSkewness``) and double precision can estimate it (see ``NumericalRange``).
    public func isReliable(_ statistic: MomentStatistic) -> Bool {
        samplingSkewness.isReliable(statistic, samples: samples) && numericalProblem(statistic) == nil
    }

    /// Why double precision cannot estimate a statistic here, or nil (see ``NumericalRange``).
    public func numericalProblem(_ statistic: MomentStatistic) -> String? {
        let variance = self[.variance]
        return NumericalRange.problem(statistic, cell: cell, samples: samples,
                                      variance: variance.theory.value.isFinite && variance.theory.value > 0 ? variance.theory.value : variance.estimate.value)
    }

    /// Whether the table's test of a closed form is made: the closed form and its standard error are
    /// known here, and the normal approximation holds.
    public func isTested(_ statistic: MomentStatistic) -> Bool {
        self[statistic].z.isFinite && isReliable(statistic)
    }

    /// Var(T / sqrt(d)) by the closed form (sigma^4 + 2 mu^2 sigma^2 in the seed model).
    public var scaledVarianceTheory: Double { self[.variance].theory.value / Double(cell.d) }
    /// s^2 / d, the estimate of Var(T / sqrt(d)).
    public var scaledVarianceEstimate: Double { self[.variance].estimate.value / Double(cell.d) }
    /// The variance's relative standard error, var_se / s^2.
    public var varianceRelativeSE: Double { self[.variance].estimate.standardError / self[.variance].estimate.value }
}
