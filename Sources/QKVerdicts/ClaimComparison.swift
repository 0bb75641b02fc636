import Foundation
import QKGSL
import QKModel
import QKTheory
import QKClaims
/// One z-test of a claim in one cell: the claimed value against the estimate.
public struct ClaimComparison: Sendable, Hashable {
    /// The claim tested.
    public let claim: Claim
    /// The cell tested (for a claim about attention, the dimension and model of its query and keys).
    public let cell: Cell
    /// For a claim about attention, the keys and the temperature; nil for a claim about T.
    public let attention: Attention?
    /// The statistic of T compared (nil for a claim about attention).
    public let statistic: MomentStatistic?
    /// Whether the statistic is of T / s, s the claimed scale (a scale claim), rather than of T.
    public let isScaled: Bool

    /// Where a claim about attention is tested, beyond the cell: the number of keys N and the temperature.
    public struct Attention: Sendable, Hashable {
        /// The number of keys N.
        public let keys: Int
        /// The temperature's rule.
        public let scale: SoftmaxScale
        /// The temperature tau.
        public let tau: Double
    }

    /// The place a test is made: its cell, and for a claim about attention its keys and temperature.
    public struct Place: Hashable {
        let cell: Cell
        let attention: Attention?
    }

    /// The place the test is made.
    public var place: Place { Place(cell: cell, attention: attention) }
    /// The value the claim implies (NaN where its formula is undefined in this cell).
    public let claimed: Double
    /// The Monte Carlo estimate.
    public let estimate: Double
    /// The standard error of the estimate.
    public let standardError: Double
    /// How reports name what is compared: `Var(T)`, or `Var(T/s)` for a scale claim.
    public var label: String {
        guard let statistic else { return claim.quantity.symbol }
        return isScaled ? statistic.symbol.replacingOccurrences(of: "(T)", with: "(T/s)").replacingOccurrences(of: "[T]", with: "[T/s]")
            : statistic.symbol
    }
    /// Whether the test is made: its standard error is known and its normal approximation holds at
    /// this cell's sample size.
    public let isTested: Bool
    /// The fewest samples at which it would be made; nil where more samples would not help (a moment
    /// of the law that the rule or the standard error needs is missing or unknown).
    public let samplesNeeded: Int?
    /// The samples of the cell when the test was made.
    public let samples: Int

    /// The samples an untested test needs, when what it lacks is samples: ``samplesNeeded`` where
    /// that is more than the cell has. Nil where more samples would not help, which includes a test
    /// whose normal-approximation rule already holds at this size but which was not made for another
    /// reason (its claim, estimate or standard error undefined there): reports once said "the normal
    /// approximation needs n >= 1" at n = 10^4.
    public var moreSamplesNeeded: Int? {
        guard !isTested, let needed = samplesNeeded, needed > samples else { return nil }
        return needed
    }
    /// Why a test was not made, for a reader: each reason is one of a few kinds, so a summary can
    /// count them.
    public enum Untested: Sendable, Hashable {
        /// The normal approximation needs this many samples (or queries).
        case samples(Int)
        /// The law lacks a moment the test or its error needs, or no closed form gives one: more
        /// samples would not help.
        case missingMoment
        /// A standard error of 0: the statistic does not vary here.
        case noStandardError
        /// The estimate or the claimed value is not a finite number here.
        case undefined
        /// Double precision cannot hold the sums the test needs, or the rounding of T.
        case precision

        /// The reason in a few words.
        public var text: String {
            switch self {
            case let .samples(n): return "the normal approximation needs n >= \(n) there"
            case .missingMoment: return "the law lacks a moment the test or its error needs, or no closed form gives it (more samples would not help)"
            case .noStandardError: return "the standard error is 0: the statistic does not vary"
            case .undefined: return "the estimate or the claimed value is not a finite number"
            case .precision: return "beyond double precision"
            }
        }

        /// The kind, for counting (every sample size is one kind).
        var kind: Int {
            switch self {
            case .samples: return 0
            case .missingMoment: return 1
            case .noStandardError: return 2
            case .undefined: return 3
            case .precision: return 4
            }
        }
    }

    /// Why the test was not made; nil where it was.
    public var untested: Untested? {
        guard !isTested else { return nil }
        if !claimed.isFinite || !estimate.isFinite { return .undefined }
        // An error that is not a number needs a moment the law lacks (or no closed form gives); one of 0, a statistic that does not vary.
        if !standardError.isFinite { return .missingMoment }
        if standardError <= 0 { return .noStandardError }
        if let n = moreSamplesNeeded { return .samples(n) }
        if samplesNeeded == nil { return .missingMoment }
        return .precision
    }

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

    /// The tests a claim about T makes in one cell (none outside its domain; two for a scale claim
    /// where the exact mean is 0; none for a claim about attention).
    public static func tests(of claim: Claim, in comparison: MomentComparison) -> [ClaimComparison] {
        let cell = comparison.cell
        guard claim.domain.contains(cell) else { return [] }
        let value = claim.formula.evaluate(cell)
        let n = comparison.samples
        // A test of `statistic` of T / divisor (divisor 1: of T itself) against `claimed`.
        func test(_ statistic: MomentStatistic, _ claimed: Double, dividedBy divisor: Double = 1, scaled: Bool = false) -> ClaimComparison {
            let compared = comparison[statistic]
            let estimate = compared.estimate.value / divisor
            let se = statistic.testStandardError(estimate: compared.estimate, theory: compared.theory, claimed: claimed * divisor) / divisor
            let scale = claimed != 0 ? Swift.abs(claimed) : (statistic.isUnitFree ? 1 : se * Double(n).squareRoot())
            return ClaimComparison(claim: claim, cell: cell, attention: nil, statistic: statistic, isScaled: scaled, claimed: claimed, estimate: estimate,
                             standardError: se,
                             isTested: comparison.isReliable(statistic) && se.isFinite && se > 0 && estimate.isFinite && claimed.isFinite,
                             samplesNeeded: se.isFinite && se > 0 ? comparison.samplingSkewness.samplesNeeded(statistic) : nil,
                             samples: n, toleranceScale: scale)
        }
        switch claim.quantity {
        case let .moment(statistic):
            return [test(statistic, value)]
        case .scale:
            // s must be a positive number for T / s to be a rescaling.
            let s = value.isFinite && value > 0 ? value : .nan
            var tests = [test(.variance, 1, dividedBy: s * s, scaled: true)]
            // E[T/s] = 0 is part of the claim only where the exact mean is 0 (mu = 0 and no correlation).
            if comparison[.mean].theory.value == 0 {
                tests.append(test(.mean, 0, dividedBy: s, scaled: true))
            }
            return tests
        case .attention:
            return []
        }
    }

    /// (estimate - claimed) / standard error; NaN where the claim is undefined.
    public var z: Double { claimed.isFinite ? (estimate - claimed) / standardError : .nan }

    /// The two-sided p-value of z (0 where the claim is undefined, which always fails).
    public var p: Double { SpecialFunctions.twoSidedP(z) }

    /// The p-value the claim is judged by: ``p`` for an exact claim; for a limit claim within
    /// tolerance delta, the one-sided p-value of `(|relative error| - delta) / relative SE`, which
    /// tests "the claim is off by more than delta" (0 where the claim is undefined).
    public func judgedP(tolerance delta: Double?) -> Double {
        guard claim.isLimit, let delta else { return p }
        guard claimed.isFinite else { return 0 }
        let excess = (Swift.abs(relativeError) - delta) / relativeSE
        guard !excess.isNaN else { return 1 }
        let tail = SpecialFunctions.twoSidedP(excess) / 2
        return excess >= 0 ? tail : 1 - tail
    }
}
