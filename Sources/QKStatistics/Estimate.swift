/// An estimate with its standard error: a statistic measured from samples, or its exact value with the
/// exact standard error of its estimator.
public struct Estimate: Sendable, Hashable {
    /// The estimate itself.
    public let value: Double
    /// Its standard error.
    public let standardError: Double

    /// The skewness and excess kurtosis of a distribution with central moments `mu[p]` (p = 0...8,
    /// mu[0] = 1, mu[1] = 0), with the large-sample standard errors of their estimators from n samples.
    ///
    /// The errors come from the delta method on the sample central moments (m2, m3, m4), whose
    /// covariance is `Cov(m_r, m_s) = (mu_{r+s} - mu_r mu_s - r mu_{r-1} mu_{s+1} - s mu_{r+1} mu_{s-1}
    /// + r s mu_{r-1} mu_{s-1} mu_2) / n` (Kendall & Stuart): so they need moments up to order 8.
    /// For normal data they reduce to the familiar sqrt(6/n) and sqrt(24/n).
    ///
    /// - Returns: (skewness, excess kurtosis).
    public static func shape(centralMoments mu: [Double], samples n: Int) -> (skewness: Estimate, kurtosis: Estimate) {
        precondition(mu.count == 9)
        func cov(_ r: Int, _ s: Int) -> Double {
            let rd = Double(r), sd = Double(s)
            return (mu[r + s] - mu[r] * mu[s] - rd * mu[r - 1] * mu[s + 1] - sd * mu[r + 1] * mu[s - 1]
                    + rd * sd * mu[r - 1] * mu[s - 1] * mu[2]) / Double(n)
        }
        let m2 = mu[2], m3 = mu[3], m4 = mu[4]
        let skew = m3 / (m2 * m2.squareRoot())
        let kurt = m4 / (m2 * m2) - 3
        // Gradients with respect to (m2, m3) and (m2, m4).
        let gs2 = -1.5 * m3 / (m2 * m2 * m2.squareRoot()), gs3 = 1 / (m2 * m2.squareRoot())
        let gk2 = -2 * m4 / (m2 * m2 * m2), gk4 = 1 / (m2 * m2)
        let varSkew = gs2 * gs2 * cov(2, 2) + 2 * gs2 * gs3 * cov(2, 3) + gs3 * gs3 * cov(3, 3)
        let varKurt = gk2 * gk2 * cov(2, 2) + 2 * gk2 * gk4 * cov(2, 4) + gk4 * gk4 * cov(4, 4)
        return (Estimate(value: skew, standardError: varSkew.isNaN ? .nan : max(varSkew, 0).squareRoot()),
                Estimate(value: kurt, standardError: varKurt.isNaN ? .nan : max(varKurt, 0).squareRoot()))
    }

    /// A value with its error.
    public init(value: Double, standardError: Double) {
        self.value = value
        self.standardError = standardError
    }
}

extension StreamingMoments {
    /// The sample skewness `k3 / k2^(3/2)` and excess kurtosis `k4 / k2^2` (ratios of k-statistics,
    /// nearly unbiased), with delta-method standard errors from the sample central moments up to order 8.
    public var shape: (skewness: Estimate, kurtosis: Estimate) {
        let moments = [1, 0] + (2...8).map { centralMoment($0) }
        let errors = Estimate.shape(centralMoments: moments, samples: count)
        let k2 = variance
        return (Estimate(value: k3 / (k2 * k2.squareRoot()), standardError: errors.skewness.standardError),
                Estimate(value: k4 / (k2 * k2), standardError: errors.kurtosis.standardError))
    }
}
