import QKGSL
import QKModel
import QKClaims
/// One z-test of a claim in one cell: the claimed value against the estimate.
public struct ClaimTest: Sendable, Hashable {
    /// What a claim's test compares, named as reports print it.
    public enum Statistic: String, Sendable, CaseIterable {
        /// E[T], for a mean claim.
        case mean = "E[T]"
        /// Var(T), for a variance claim.
        case variance = "Var(T)"
        /// Var(T/s) = 1, for a scale claim.
        case scaledVariance = "Var(T/s)"
        /// E[T/s] = 0, for a scale claim where the exact mean is 0.
        case scaledMean = "E[T/s]"
        /// The skewness of T.
        case skewness = "skew(T)"
        /// The excess kurtosis of T.
        case kurtosis = "exkurt(T)"

        /// The moment test whose z-statistic and reliability rule this statistic shares.
        public var momentTest: MomentTest {
            switch self {
            case .mean, .scaledMean: return .mean
            case .variance, .scaledVariance: return .variance
            case .skewness: return .skewness
            case .kurtosis: return .kurtosis
            }
        }
    }

    /// The claim tested.
    public let claim: Claim
    /// The cell tested.
    public let cell: Cell
    /// The statistic compared.
    public let statistic: Statistic
    /// The value the claim implies (NaN where its formula is undefined in this cell).
    public let claimed: Double
    /// The Monte Carlo estimate.
    public let estimate: Double
    /// The standard error of the estimate.
    public let standardError: Double
    /// The moment test whose statistic this is.
    public var kind: MomentTest { statistic.momentTest }
    /// Whether the test is made: its standard error is known and its normal approximation holds at
    /// this cell's sample size.
    public let isTested: Bool
    /// The fewest samples at which it would be made; nil where more samples would not help (a moment
    /// of the law that the rule or the standard error needs is missing or unknown).
    public let samplesNeeded: Int?
    /// The samples of the cell when the test was made.
    public let samples: Int
    /// What an error is measured against for `--tolerance`: |claimed|, or where the claim is 0, the
    /// standard deviation of the statistic's variable for a mean (T, or T/s) and 1 for a skewness or
    /// an excess kurtosis (already free of units).
    public let toleranceScale: Double

    /// The error relative to ``toleranceScale``: estimate / claimed - 1 where the claim is not 0.
    public var relativeError: Double { (estimate - claimed) / toleranceScale }

    /// The standard error of ``relativeError``.
    public var relativeSE: Double { standardError / toleranceScale }

    /// Whether the (1 - 2 alpha) interval of the relative error lies inside [-delta, delta]: both
    /// one-sided tests of |error| >= delta reject at level alpha (TOST; docs/THEORY.md section 5).
    public func isConfirmed(within delta: Double, alpha: Double) -> Bool {
        guard isTested, relativeError.isFinite, relativeSE.isFinite else { return false }
        return Swift.abs(relativeError) + SpecialFunctions.normalUpperQuantile(alpha) * relativeSE <= delta
    }

    /// The largest |relative error| the (1 - 2 alpha) interval allows.
    public func errorBound(alpha: Double) -> Double {
        Swift.abs(relativeError) + SpecialFunctions.normalUpperQuantile(alpha) * relativeSE
    }

    /// The tests a claim makes in one cell (none outside its domain; two for a scale claim where mu = 0).
    public static func tests(of claim: Claim, in comparison: MomentComparison) -> [ClaimTest] {
        let cell = comparison.cell
        guard claim.domain.contains(cell) else { return [] }
        let value = claim.formula.evaluate(cell)
        func test(_ statistic: Statistic, _ claimed: Double, _ estimate: Double, _ se: Double) -> ClaimTest {
            let kind = statistic.momentTest
            let n = comparison.samples
            let scale = claimed != 0 ? Swift.abs(claimed) : (kind == .mean ? se * Double(n).squareRoot() : 1)
            return ClaimTest(claim: claim, cell: cell, statistic: statistic, claimed: claimed, estimate: estimate,
                             standardError: se,
                             isTested: comparison.isReliable(kind) && se.isFinite && se > 0 && estimate.isFinite && claimed.isFinite,
                             samplesNeeded: se.isFinite && se > 0 ? comparison.samplingSkewness.samplesNeeded(kind) : nil,
                             samples: n, toleranceScale: scale)
        }
        switch claim.quantity {
        case .mean:
            return [test(.mean, value, comparison.meanEstimate, comparison.meanSE)]
        case .variance:
            return [test(.variance, value, comparison.varianceEstimate, comparison.varianceSE)]
        case .skewness:
            return [test(.skewness, value, comparison.skewnessEstimate.value, comparison.skewnessSE)]
        case .kurtosis:
            return [test(.kurtosis, value, comparison.kurtosisEstimate.value, comparison.kurtosisSE)]
        case .scale:
            // s must be a positive number for T / s to be a rescaling.
            let s = value.isFinite && value > 0 ? value : .nan
            var tests = [test(.scaledVariance, 1, comparison.varianceEstimate / (s * s), comparison.varianceSE / (s * s))]
            // E[T/s] = 0 is part of the claim only where the exact mean is 0 (mu = 0 and no correlation).
            if comparison.meanTheory == 0 {
                tests.append(test(.scaledMean, 0, comparison.meanEstimate / s, comparison.meanSE / s))
            }
            return tests
        }
    }

    /// (estimate - claimed) / standard error; NaN where the claim is undefined.
    public var z: Double { claimed.isFinite ? (estimate - claimed) / standardError : .nan }

    /// The two-sided p-value of z (0 where the claim is undefined, which always fails).
    public var p: Double { SpecialFunctions.twoSidedP(z) }
}
