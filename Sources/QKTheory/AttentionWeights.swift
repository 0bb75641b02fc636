import Foundation

/// The exact expectations of the softmax weight statistics of N keys whose logits are iid
/// N(0, s^2): the function g(N, s) of docs/THEORY.md section 6 ("Laplace-transform identities").
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
/// N = 10^6). At s = 0 the weights are uniform and the values exact; below s = 1e-6 they are the
/// uniform values with the bound of ``nearUniformBound(_:keys:scale:)``. Measured over N in
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
    /// - Complexity: one inner grid shared by all the statistics: 15 to 40 ms of CPU in a release
    ///   build (N from 64 to 10^6, s from 1 to 30).
    public func expectations(tolerance: Double = AttentionWeights.defaultTolerance) -> AttentionExpectations {
        guard isValid, tolerance > 0 else {
            return AttentionExpectations(keys: keys, tolerance: tolerance) { _ in .unavailable }
        }
        if scale == 0 {
            return AttentionExpectations(keys: keys, tolerance: tolerance) {
                AttentionEstimate(exactly: $0.uniformValue(keys: keys))
            }
        }
        if scale < Self.nearUniformScale {
            return AttentionExpectations(keys: keys, tolerance: tolerance) {
                AttentionEstimate(value: $0.uniformValue(keys: keys), errorBound: Self.nearUniformBound($0, keys: keys, scale: scale))
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
            case .participation: return clamp(participation, statistic)
            case .cubeSum: return clamp(cube, statistic)
            case .participationSquared: return clamp(square, statistic)
            case .jacobianSquaredNorm: return clamp(jacobian, statistic)
            case .entropy: return clamp(entropy, statistic)
            case .maxWeight: return clamp(largest, statistic)
            }
        }
    }

    /// The expectation of one statistic, to relative accuracy `tolerance` where the integrators reach it.
    public func expectation(of statistic: AttentionStatistic,
                            tolerance: Double = AttentionWeights.defaultTolerance) -> AttentionEstimate {
        guard isValid, tolerance > 0 else { return .unavailable }
        if scale == 0 { return AttentionEstimate(exactly: statistic.uniformValue(keys: keys)) }
        if scale < Self.nearUniformScale {
            return AttentionEstimate(value: statistic.uniformValue(keys: keys),
                                     errorBound: Self.nearUniformBound(statistic, keys: keys, scale: scale))
        }
        let grid = makeGrid()
        switch statistic {
        case .participation: return clamp(participation(on: grid, tolerance: tolerance), statistic)
        case .cubeSum: return clamp(cubeSum(on: grid, tolerance: tolerance), statistic)
        case .participationSquared: return clamp(participationSquared(on: grid, tolerance: tolerance), statistic)
        case .jacobianSquaredNorm: return clamp(jacobianSquaredNorm(on: grid, tolerance: tolerance), statistic)
        case .entropy: return clamp(entropy(on: grid, tolerance: tolerance), statistic)
        case .maxWeight: return clamp(maxWeight(on: grid, tolerance: tolerance), statistic)
        }
    }

    /// The estimate moved into the statistic's possible range, where the exact value lies: a value a
    /// rounding outside (log N + 1e-12 at s = 1e-6) comes back on the edge, with its bound unchanged.
    private func clamp(_ e: AttentionEstimate, _ statistic: AttentionStatistic) -> AttentionEstimate {
        guard e.value.isFinite else { return e }
        let value = min(max(e.value, statistic.smallestValue(keys: keys)), statistic.largestValue(keys: keys))
        return AttentionEstimate(value: value, errorBound: e.errorBound)
    }

    /// Below this scale the uniform values are returned with ``nearUniformBound(_:keys:scale:)``.
    static let nearUniformScale = 1e-6

    /// How far a statistic can be from its uniform value at a small scale s, from the expansions in
    /// s (a_j = (1 + y_j + y_j^2/2 - m_2/2)/N, y_j = x_j - mean x, E m_2 = s^2 (N-1)/N): the entropy
    /// moves by s^2 (N-1)/(2N), the participation by s^2 (N-1)/N^2, the cube sum by 3 s^2 (N-1)/N^3,
    /// the squared participation by 2 s^2 (N-1)/N^3, and the largest weight by s E[max of N standard
    /// normals] / N <= s sqrt(2 log N) / N, all to higher order in s; twice those.
    static func nearUniformBound(_ statistic: AttentionStatistic, keys: Int, scale s: Double) -> Double {
        let n = Double(keys), s2 = s * s
        switch statistic {
        case .entropy: return s2
        case .participation: return 2 * s2 / n
        case .cubeSum: return 6 * s2 / (n * n)
        case .participationSquared: return 4 * s2 / (n * n)
        case .jacobianSquaredNorm: return 2 * s2 * (1 / n + 8 / (n * n))
        case .maxWeight: return 2 * s * (2 * log(n)).squareRoot() / n + 2 * s2
        }
    }
}
