/// One z-test of a claim in one cell: the claimed value against the estimate.
public struct ClaimTest: Sendable, Hashable {
    /// The claim tested.
    public let claim: Claim
    /// The cell.
    public let cell: Cell
    /// The statistic compared: `E[T]`, `Var(T)`, `Var(T/s)`, `E[T/s]`, `skew(T)` or `exkurt(T)`.
    public let statistic: String
    /// The value the claim implies (NaN where its formula is undefined in this cell).
    public let claimed: Double
    /// The Monte Carlo estimate.
    public let estimate: Double
    /// The standard error of the estimate.
    public let standardError: Double
    /// The moment test whose statistic this is.
    public let kind: MomentTest
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
        func test(_ statistic: String, _ claimed: Double, _ estimate: Double, _ se: Double) -> ClaimTest {
            let kind: MomentTest = switch claim.quantity {
            case .mean: .mean
            case .variance: .variance
            case .skewness: .skewness
            case .kurtosis: .kurtosis
            case .scale: statistic == "E[T/s]" ? .mean : .variance
            }
            let n = comparison.samples
            let scale = claimed != 0 ? Swift.abs(claimed) : (kind == .mean ? se * Double(n).squareRoot() : 1)
            return ClaimTest(claim: claim, cell: cell, statistic: statistic, claimed: claimed, estimate: estimate,
                             standardError: se, kind: kind,
                             isTested: comparison.isReliable(kind) && se.isFinite && se > 0 && estimate.isFinite && claimed.isFinite,
                             samplesNeeded: se.isFinite && se > 0 ? comparison.samplingSkewness.samplesNeeded(kind) : nil,
                             samples: n, toleranceScale: scale)
        }
        switch claim.quantity {
        case .mean:
            return [test("E[T]", value, comparison.meanEstimate, comparison.meanSE)]
        case .variance:
            return [test("Var(T)", value, comparison.varianceEstimate, comparison.varianceSE)]
        case .skewness:
            return [test("skew(T)", value, comparison.skewnessEstimate.value, comparison.skewnessSE)]
        case .kurtosis:
            return [test("exkurt(T)", value, comparison.kurtosisEstimate.value, comparison.kurtosisSE)]
        case .scale:
            // s must be a positive number for T / s to be a rescaling.
            let s = value.isFinite && value > 0 ? value : .nan
            var tests = [test("Var(T/s)", 1, comparison.varianceEstimate / (s * s), comparison.varianceSE / (s * s))]
            // E[T/s] = 0 is part of the claim only where the exact mean is 0 (mu = 0 and no correlation).
            if comparison.meanTheory == 0 {
                tests.append(test("E[T/s]", 0, comparison.meanEstimate / s, comparison.meanSE / s))
            }
            return tests
        }
    }

    /// (estimate - claimed) / standard error; NaN where the claim is undefined.
    public var z: Double { claimed.isFinite ? (estimate - claimed) / standardError : .nan }

    /// The two-sided p-value of z (0 where the claim is undefined, which always fails).
    public var p: Double { SpecialFunctions.twoSidedP(z) }
}
