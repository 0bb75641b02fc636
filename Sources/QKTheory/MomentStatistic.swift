import QKStatistics

/// A statistic of T that every cell of a moments run estimates and tests against its closed form:
/// the mean, the variance, the skewness and the excess kurtosis.
///
/// Everything about one statistic is here: how it is estimated from a cell's ``StreamingMoments``
/// (with its standard error), its exact value and exact standard error under a ``DotProductTheory``,
/// which standard error its z-test uses, its influence function (which decides where the z-test can
/// be trusted, see `SamplingSkewness`), the central sum its standard error needs (see
/// `NumericalRange`), its names in tables and claims. Tables, verdicts, claims and the reliability
/// rules iterate over ``all``; adding a statistic of T is a case here.
public struct MomentStatistic: Statistic {
    enum Kind: Sendable, Hashable { case mean, variance, skewness, kurtosis }
    let kind: Kind

    /// E[T] = d mu^2 in the seed model.
    public static let mean = MomentStatistic(kind: .mean)
    /// Var(T) = d (sigma^4 + 2 mu^2 sigma^2).
    public static let variance = MomentStatistic(kind: .variance)
    /// skewness = 6 mu^2 sigma^4 / (sqrt(d) (sigma^4 + 2 mu^2 sigma^2)^1.5).
    public static let skewness = MomentStatistic(kind: .skewness)
    /// excess kurtosis = 6 sigma^2 (sigma^2 + 4 mu^2) / (d (sigma^2 + 2 mu^2)^2).
    public static let kurtosis = MomentStatistic(kind: .kurtosis)

    /// Every moment statistic, in the order tables show them.
    public static let all: [MomentStatistic] = [.mean, .variance, .skewness, .kurtosis]

    /// The statistic with this ``key``, or nil.
    public init?(key: String) {
        guard let found = MomentStatistic.all.first(where: { $0.key == key }) else { return nil }
        self = found
    }

    private init(kind: Kind) { self.kind = kind }

    public var key: String {
        switch kind {
        case .mean: return "mean"
        case .variance: return "var"
        case .skewness: return "skew"
        case .kurtosis: return "kurt"
        }
    }

    public var symbol: String {
        switch kind {
        case .mean: return "E[T]"
        case .variance: return "Var(T)"
        case .skewness: return "skew(T)"
        case .kurtosis: return "exkurt(T)"
        }
    }

    /// How a paper writes it, in LaTeX math: `\mathrm{Var}(T)`.
    public var latex: String {
        switch kind {
        case .mean: return "\\mathrm{E}[T]"
        case .variance: return "\\mathrm{Var}(T)"
        case .skewness: return "\\mathrm{skew}(T)"
        case .kurtosis: return "\\mathrm{exkurt}(T)"
        }
    }

    /// Its name in a reader's sentence: `mean`, `variance`, `skewness`, `excess kurtosis`.
    public var name: String {
        switch kind {
        case .mean: return "mean"
        case .variance: return "variance"
        case .skewness: return "skewness"
        case .kurtosis: return "excess kurtosis"
        }
    }

    /// The word a claim's option uses: `mean`, `var`, `skewness`, `kurtosis`.
    public var claimName: String {
        switch kind {
        case .mean: return "mean"
        case .variance: return "var"
        case .skewness: return "skewness"
        case .kurtosis: return "kurtosis"
        }
    }

    /// Whether the statistic is free of units (a skewness or excess kurtosis), so a claim of 0 is
    /// measured against 1, not against the spread of T.
    public var isUnitFree: Bool { kind == .skewness || kind == .kurtosis }

    /// The estimate from a cell's samples, with its estimated standard error: the sample mean
    /// (sqrt(s^2 / n)), the unbiased variance (sqrt(k4 / n + 2 k2^2 / (n - 1))), or the ratios of
    /// k-statistics k3 / k2^(3/2) and k4 / k2^2 (delta-method errors from central moments to order 8).
    public func estimate(_ m: StreamingMoments) -> Estimate {
        switch kind {
        case .mean: return Estimate(value: m.mean, standardError: m.meanStandardError)
        case .variance: return Estimate(value: m.variance, standardError: m.varianceStandardError)
        case .skewness: return m.shape.skewness
        case .kurtosis: return m.shape.kurtosis
        }
    }

    /// The closed form, with the exact standard error of the estimator from n samples under it; NaN
    /// where the cell has no closed form or lacks a cumulant the value or its error needs.
    public func theory(_ t: DotProductTheory, samples n: Int) -> Estimate {
        switch kind {
        case .mean: return Estimate(value: t.mean, standardError: t.meanStandardError(samples: n))
        case .variance: return Estimate(value: t.variance, standardError: t.varianceStandardError(samples: n))
        case .skewness: return t.shape(samples: n).skewness
        case .kurtosis: return t.shape(samples: n).kurtosis
        }
    }

    /// The spread at which Var(T / sqrt(d)) = sigma^2 (sigma^2 + 2 mu^2) is exactly 1 for coordinates of
    /// mean mu (q and k sharing both): sigma^2 = sqrt(mu^4 + 1) - mu^2, written as 1 / (sqrt(mu^4 + 1) +
    /// mu^2) so it stays accurate for large |mu|.
    public static func unitScaledVarianceSigma(mu: Double) -> Double {
        let m2 = mu * mu
        return (1 / ((m2 * m2 + 1).squareRoot() + m2)).squareRoot()
    }

    /// The exact standard error of the estimator times sqrt(n), its large-n limit: what one sample
    /// contributes (sqrt(kappa2) for the mean, sqrt(kappa4 + 2 kappa2^2) for the variance).
    public func unitStandardError(_ t: DotProductTheory) -> Double {
        switch kind {
        case .mean: return t.variance.squareRoot()
        case .variance: return (t.kappa4 + 2 * t.variance * t.variance).squareRoot()
        case .skewness: return t.shape(samples: 1).skewness.standardError
        case .kurtosis: return t.shape(samples: 1).kurtosis.standardError
        }
    }

    /// The standard error a z-test of `claimed` divides by: the estimated one for the mean; for the
    /// variance, the one under the claim, `claimed x (estimated SE / s^2)`, the claimed variance with
    /// the sample's standardized fourth cumulant; for the shapes, the exact one of the known law.
    ///
    /// An estimate and its estimated error are driven by the same rare large values. For the shapes
    /// that skews a studentized z badly. For the variance it makes the lower tail heavy where T is
    /// skewed: a sample short of large values has a low s^2 and a low SE together (one cell of
    /// correlated pairs rejected its true variance in 33 of 20,000 seeds at alpha 0.001, 29 of them
    /// low). `sqrt(k4/n + 2 k2^2/(n-1)) / k2` is free of the scale, and times the claimed variance it
    /// is the SE under the claim: then 26 of 20,000, 17 low and 9 high (docs/THEORY.md section 3).
    ///
    /// - Parameters:
    ///   - claimed: the value tested (the closed form in a moments table, a user's claim in `check`).
    public func testStandardError(estimate: Estimate, theory: Estimate, claimed: Double) -> Double {
        switch kind {
        case .skewness, .kurtosis: return theory.standardError
        case .variance where claimed > 0 && estimate.value > 0:
            return claimed * (estimate.standardError / estimate.value)
        case .mean, .variance: return estimate.standardError
        }
    }

    /// The order of the central sum the estimate's standard error needs (2, 4, 6, 8), which must
    /// neither overflow nor underflow a double.
    public var centralSumOrder: Int {
        switch kind {
        case .mean: return 2
        case .variance: return 4
        case .skewness: return 6
        case .kurtosis: return 8
        }
    }

    /// The estimator's second derivatives in the raw sample moments about the true mean,
    /// `a_r = mean((T - E[T])^r)`, r = 1...4, at their expectations: a 4 x 4 matrix from the
    /// central moments m[0...] of T. The influence function is the first derivative; this one is
    /// what makes a nonlinear estimator (a variance once its mean is estimated, a ratio of moments)
    /// skewed beyond its influence function at the same order, `1 / sqrt(n)` (``SamplingSkewness``).
    ///
    /// The estimator is `f(m2, m3, m4)` of the sample central moments, each a polynomial in the
    /// `a_r` (m2 = a2 - a1^2, m3 = a3 - 3 a1 a2 + 2 a1^3, m4 = a4 - 4 a1 a3 + 6 a1^2 a2 - 3 a1^4), so
    /// by the chain rule its Hessian is `sum_c f_c H(m_c) + J^T H(f) J`.
    public func curvature(centralMoments m: [Double]) -> [[Double]] {
        let m2 = m[2], m3 = m[3], m4 = m[4]
        // Each sample central moment's gradient (J's rows) and Hessian in (a1, a2, a3, a4), at a1 = 0.
        let gradient: [[Double]] = [[0, 1, 0, 0], [-3 * m2, 0, 1, 0], [-4 * m3, 0, 0, 1]]
        var hessian = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4), count: 3)
        hessian[0][0][0] = -2
        hessian[1][0][1] = -3; hessian[1][1][0] = -3
        hessian[2][0][0] = 12 * m2; hessian[2][0][2] = -4; hessian[2][2][0] = -4
        // The estimator's first and second derivatives in (m2, m3, m4).
        let f: [Double], fHessian: [[Double]]
        switch kind {
        case .mean:
            return [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
        case .variance:
            f = [1, 0, 0]
            fHessian = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
        case .skewness:
            f = [-1.5 * m3 / (m2 * m2 * m2.squareRoot()), 1 / (m2 * m2.squareRoot()), 0]
            let cross = -1.5 / (m2 * m2 * m2.squareRoot())
            fHessian = [[3.75 * m3 / (m2 * m2 * m2 * m2.squareRoot()), cross, 0], [cross, 0, 0], [0, 0, 0]]
        case .kurtosis:
            f = [-2 * m4 / (m2 * m2 * m2), 0, 1 / (m2 * m2)]
            let cross = -2 / (m2 * m2 * m2)
            fHessian = [[6 * m4 / (m2 * m2 * m2 * m2), 0, cross], [0, 0, 0], [cross, 0, 0]]
        }
        return (0..<4).map { i in
            (0..<4).map { j in
                var h = 0.0
                for c in 0..<3 {
                    h += f[c] * hessian[c][i][j]
                    for e in 0..<3 { h += fHessian[c][e] * gradient[c][i] * gradient[e][j] }
                }
                return h
            }
        }
    }

    /// The estimator's influence function psi(T), as coefficients of e^0 ... e^4 with e = T - E[T],
    /// from the central moments m[0...] of T (m[0] = 1, m[1] = 0): the estimator is, to first order,
    /// the mean of psi(T), so the moments of psi(T) say how far from normal its sampling law is.
    public func influence(centralMoments m: [Double]) -> [Double] {
        let m2 = m[2], m3 = m[3], m4 = m[4]
        let s15 = m2 * m2.squareRoot()
        switch kind {
        case .mean: return [0, 1]
        case .variance: return [-m2, 0, 1]
        case .skewness: return [(-m3 + 1.5 * m3) / s15, -3 * m2 / s15, -1.5 * m3 / (m2 * s15), 1 / s15]
        case .kurtosis: return [-m4 / (m2 * m2) + 2 * m4 / (m2 * m2), -4 * m3 / (m2 * m2), -2 * m4 / (m2 * m2 * m2), 0, 1 / (m2 * m2)]
        }
    }
}
