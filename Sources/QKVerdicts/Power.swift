import QKGSL
import QKTheory
/// What a z-test can and cannot notice: the smallest true difference it detects with a given power.
public struct Power: Sendable, Hashable {
    /// The family-wise false-failure rate.
    public let alpha: Double
    /// The number of tests in the family (the detectable difference uses Bonferroni's alpha / m,
    /// which Holm's procedure never needs more than).
    public let tests: Int
    /// The chance of detecting a difference of the reported size (0.9).
    public let power: Double

    /// Power analysis for `tests` two-sided z-tests at family-wise level alpha.
    public init(alpha: Double, tests: Int, power: Double = 0.9) {
        self.alpha = alpha
        self.tests = max(tests, 1)
        self.power = power
    }

    /// The |z| a single test needs to reject: the upper alpha / (2 m) normal quantile.
    public var criticalZ: Double { SpecialFunctions.normalUpperQuantile(alpha / (2 * Double(tests))) }

    /// How many standard errors a difference must be to be detected with the given power:
    /// `z_crit + z_power` (ignoring the far tail, which adds less than 1e-6 of power).
    public var detectableZ: Double { criticalZ + SpecialFunctions.normalQuantile(power) }

    /// The smallest difference detected with the given power, for an estimator with this standard error.
    public func minimumDetectable(standardError: Double) -> Double { detectableZ * standardError }

    /// The samples needed to detect a relative error `target` in the variance of T with the given power,
    /// from the exact relative standard error of s^2, sqrt((excess kurtosis + 2 n / (n - 1)) / n).
    /// Nil where the cell has no closed form for the kurtosis of T (or the count would overflow).
    public func samplesToDetectVarianceError(_ target: Double, theory: DotProductTheory) -> Int? {
        let z = detectableZ / target
        let n = (z * z * (theory.excessKurtosis + 2)).rounded(.up)
        guard n.isFinite, n < 9e18 else { return nil }
        return Int(n) + 1
    }
}
