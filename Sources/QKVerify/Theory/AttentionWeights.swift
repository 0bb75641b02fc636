import Foundation

/// The exact expectations of the softmax weight statistics of N keys whose logits are iid
/// N(0, s^2): the function g(N, s) of docs/THEORY.md section 9 ("Laplace-transform identities").
///
/// With X ~ N(0, s^2), `L_k(t) = E[e^(kX) exp(-t e^X)]` and `M(t) = E[X e^X exp(-t e^X)]`:
///
///     E[sum a^2]      = N int_0^inf t L_2 L_0^(N-1) dt
///     E[sum a^3]      = (N/2) int t^2 L_3 L_0^(N-1) dt
///     E[(sum a^2)^2]  = (N/6) int t^3 L_4 L_0^(N-1) dt + (N(N-1)/6) int t^3 L_2^2 L_0^(N-2) dt
///     E[H]            = int (e^(-t) - L_0^N) / t dt - N int M L_0^(N-1) dt
///     E||J||_F^2      = E[sum a^2] - 2 E[sum a^3] + E[(sum a^2)^2]
///     E[max a]        = N int phi_s(x) e^x int_0^inf exp(-t e^x) F_x(t)^(N-1) dt dx,
///                       F_x(t) = E[exp(-t e^X); X < x]
///
/// How they are computed:
/// - t = e^u turns each t-integral into one over the real line of `t^k L_k = E[phi_k(u + X)]`,
///   `phi_k(v) = e^(kv - e^v)`; `L_0^(N-1)` is `exp((N-1) log L_0)`, with `log L_0 = log1p(-D)` and
///   `D = E[1 - exp(-e^(u+X))]` integrated directly where L_0 is near 1, so N up to 10^6 loses nothing.
/// - E||J||_F^2 is one integral of the three integrands combined, so its error is relative to itself
///   and not to the terms that nearly cancel when the weights condense.
/// - The entropy is `E[log Z_c] - E[sum a (x - c)]` with `Z_c = Z e^(-c)` and c near E[log Z]: the
///   same number, without the cancellation of two terms near E[log Z] (about 160 at N = 10^6, s = 30).
/// - E[max a], with w = u + x: `N int E[phi_1(u + X) F(u + X)^(N-1)] du`,
///   `F(v) = E[exp(-e^(u+X)); u + X < v]`, a running integral over the same points.
/// - The u-integrals are GSL's QAG over a core range around -E[log Z] and QAGIL/QAGIU beyond it. The
///   inner expectations, at every u the outer integrals ask for, come from ``AttentionLogitGrid``:
///   Clenshaw-Curtis panels over v = u + X, shared by all the statistics and remembered. (Nested GSL
///   quadrature computed the same numbers but took 0.2-0.5 s for E[max a] alone; Gauss-Hermite rules
///   were measured and rejected: with 40 nodes the relative error of `E[phi_2(u + X)]` is 2e-8 at
///   s = 0.5, 1e-4 at s = 1 and 6e-3 at s = 2, the integrand turning from 1 to 0 over a width 1/s
///   the nodes do not resolve.)
///
/// Error bound of each value (``AttentionEstimate``): GSL's estimate for the u-integral, plus twice
/// the integral of the inner expectations' errors carried through the integrand (each inner error
/// being the difference between a panel's full and embedded rule, summed over panels), plus a bound
/// on the Gaussian mass the inner window of +-12 s leaves out (under 10 N^2 Q(12), 2e-20 at
/// N = 10^6). At s = 0 the weights are uniform and the values exact. Measured over N in
/// {2, 8, 64, 1000, 10^6} and s in [0.001, 30] at tolerance 1e-8: every bound below 1e-8 relative
/// except E[sum a^3], E[(sum a^2)^2] and E[max a] at N = 10^6, s <= 0.1 (2e-8, 2e-8, 1e-7).
public struct AttentionWeights: Sendable, Hashable {
    /// The relative tolerance asked of every statistic unless another is given.
    public static let defaultTolerance = 1e-8

    /// The number of keys N.
    public let keys: Int
    /// The standard deviation s of the logits given the query, `sigma_k |q| / tau`.
    public let scale: Double

    /// The weights of `keys` keys with logits of standard deviation `scale`.
    ///
    /// Invalid values (fewer than 2 keys, a negative or non-finite scale) are kept; every expectation
    /// of them is then ``AttentionEstimate/unavailable`` (NaN with an infinite bound).
    public init(keys: Int, scale: Double) {
        self.keys = keys
        self.scale = scale
    }

    /// Whether N >= 2 and s is finite and non-negative.
    public var isValid: Bool { keys >= 2 && scale >= 0 && scale.isFinite }

    /// The expectation of every statistic, each to relative accuracy `tolerance` where the
    /// integrators reach it (see ``AttentionExpectations/meetTolerance``).
    ///
    /// - Complexity: one inner grid shared by all the statistics: 10 to 70 ms in a release build.
    public func expectations(tolerance: Double = AttentionWeights.defaultTolerance) -> AttentionExpectations {
        guard isValid, tolerance > 0 else {
            return AttentionExpectations(keys: keys, tolerance: tolerance) { _ in .unavailable }
        }
        if scale == 0 {
            return AttentionExpectations(keys: keys, tolerance: tolerance) {
                AttentionEstimate(exactly: $0.uniformValue(keys: keys))
            }
        }
        let grid = makeGrid()
        let participation = participation(on: grid, tolerance: tolerance)
        let cube = cubeSum(on: grid, tolerance: tolerance)
        let square = participationSquared(on: grid, tolerance: tolerance)
        let jacobian = jacobianSquaredNorm(on: grid, tolerance: tolerance)
        let entropy = entropy(on: grid, tolerance: tolerance)
        let largest = maxWeight(on: grid, tolerance: tolerance)
        return AttentionExpectations(keys: keys, tolerance: tolerance) { statistic in
            switch statistic {
            case .participation: return participation
            case .cubeSum: return cube
            case .participationSquared: return square
            case .jacobianSquaredNorm: return jacobian
            case .entropy: return entropy
            case .maxWeight: return largest
            }
        }
    }

    /// The expectation of one statistic, to relative accuracy `tolerance` where the integrators reach it.
    public func expectation(of statistic: AttentionStatistic,
                            tolerance: Double = AttentionWeights.defaultTolerance) -> AttentionEstimate {
        guard isValid, tolerance > 0 else { return .unavailable }
        if scale == 0 { return AttentionEstimate(exactly: statistic.uniformValue(keys: keys)) }
        let grid = makeGrid()
        switch statistic {
        case .participation: return participation(on: grid, tolerance: tolerance)
        case .cubeSum: return cubeSum(on: grid, tolerance: tolerance)
        case .participationSquared: return participationSquared(on: grid, tolerance: tolerance)
        case .jacobianSquaredNorm: return jacobianSquaredNorm(on: grid, tolerance: tolerance)
        case .entropy: return entropy(on: grid, tolerance: tolerance)
        case .maxWeight: return maxWeight(on: grid, tolerance: tolerance)
        }
    }
}
