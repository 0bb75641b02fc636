import Foundation

/// The exact distribution theory of `T = q^T k` for `q, k` in R^d with independent `N(mu, sigma^2)`
/// coordinates (THEORY.md sections 1 and 2).
///
/// `T` is a sum of d independent copies of `Z = q_i k_i`, whose cumulant generating function is
/// `K_Z(t) = mu^2 t - 1/2 log(1 - sigma^4 t^2) + mu^2 sigma^2 t^2 / (1 - sigma^2 t)`. Expanding it
/// gives every cumulant in closed form: `kappa_1(Z) = mu^2` and, for r >= 2,
/// `kappa_r(Z) = r! (sigma^(2r) / r [r even] + mu^2 sigma^(2(r-1)))`; those of T are d times these.
public struct DotProductTheory: Sendable, Hashable {
    /// The dimension d of q and k.
    public let d: Int
    /// The common mean of every coordinate.
    public let mu: Double
    /// The common standard deviation of every coordinate.
    public let sigma: Double

    /// The theory for one cell of the grid.
    public init(d: Int, mu: Double, sigma: Double) {
        self.d = d
        self.mu = mu
        self.sigma = sigma
    }

    /// The r-th cumulant of T, for r >= 1.
    public func cumulant(_ r: Int) -> Double {
        precondition(r >= 1)
        let mu2 = mu * mu, s2 = sigma * sigma
        if r == 1 { return Double(d) * mu2 }
        var factorial = 1.0
        for i in 2...r { factorial *= Double(i) }
        let even = r % 2 == 0 ? pow(s2, Double(r)) / Double(r) : 0
        return Double(d) * factorial * (even + mu2 * pow(s2, Double(r - 1)))
    }

    /// E[T] = d mu^2.
    public var mean: Double { cumulant(1) }
    /// Var(T) = d (sigma^4 + 2 mu^2 sigma^2).
    public var variance: Double { cumulant(2) }
    /// The third cumulant, 6 d mu^2 sigma^4.
    public var kappa3: Double { cumulant(3) }
    /// The fourth cumulant, 6 d sigma^6 (sigma^2 + 4 mu^2).
    public var kappa4: Double { cumulant(4) }
    /// The skewness kappa3 / kappa2^(3/2).
    public var skewness: Double { kappa3 / pow(variance, 1.5) }
    /// The excess kurtosis kappa4 / kappa2^2 (6/d at mu = 0).
    public var excessKurtosis: Double { kappa4 / (variance * variance) }
    /// Var(T / sqrt(d)) = sigma^4 + 2 mu^2 sigma^2: 1 only at mu = 0, sigma = 1.
    public var scaledVariance: Double { variance / Double(d) }

    /// The central moment `E[(T - E T)^p]` for p from 0 to 12, from the cumulants.
    public func centralMoment(_ p: Int) -> Double {
        precondition(p >= 0 && p <= 12)
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        // Moments from cumulants (with kappa_1 = 0 for central moments):
        // mu_n = sum_{k=1}^{n} C(n-1, k-1) kappa_k mu_{n-k}, mu_0 = 1.
        var kappa = [0.0, 0.0]
        for r in 2...p { kappa.append(cumulant(r)) }
        var moments = [1.0]
        for n in 1...p {
            var value = 0.0
            var binomial = 1.0  // C(n-1, k-1)
            for k in 1...n {
                value += binomial * kappa[k] * moments[n - k]
                binomial = binomial * Double(n - k) / Double(k)
            }
            moments.append(value)
        }
        return moments[p]
    }

    /// The exact standard error of the mean of n samples, `sqrt(kappa2 / n)`.
    public func meanStandardError(samples n: Int) -> Double {
        (variance / Double(n)).squareRoot()
    }

    /// The exact standard error of the unbiased sample variance of n samples,
    /// `sqrt(kappa4 / n + 2 kappa2^2 / (n - 1))`.
    public func varianceStandardError(samples n: Int) -> Double {
        let nd = Double(n)
        return (kappa4 / nd + 2 * variance * variance / (nd - 1)).squareRoot()
    }
}
