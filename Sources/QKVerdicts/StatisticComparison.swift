import QKGSL
import QKStatistics
import QKTheory

/// One statistic of one cell set beside its closed form: the estimate, the exact value, and the z
/// that compares them.
public struct StatisticComparison: Sendable, Hashable {
    /// What is compared.
    public let statistic: MomentStatistic
    /// The Monte Carlo estimate with its estimated standard error.
    public let estimate: Estimate
    /// The closed form with its estimator's exact standard error (NaN where no closed form is known).
    public let theory: Estimate

    /// The standard error the z-test divides by, under the closed form
    /// (``MomentStatistic/testStandardError(estimate:theory:claimed:)``).
    public var standardError: Double { statistic.testStandardError(estimate: estimate, theory: theory, claimed: theory.value) }

    /// (estimate - closed form) / standard error; NaN where no closed form is known.
    public var z: Double { (estimate.value - theory.value) / standardError }

    /// The two-sided p-value of ``z``.
    public var p: Double { SpecialFunctions.twoSidedP(z) }
}
