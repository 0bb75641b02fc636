import QKTheory
/// How far from normal each test statistic's sampling distribution is, and so where its z-test can
/// be trusted.
///
/// Each estimator (mean, variance, skewness, excess kurtosis) is, to first order, the mean of its
/// influence function `Y = psi(T)`, a polynomial of degree at most 4 in `e = T - E[T]`. Its sampling
/// skewness is `gamma1 / sqrt(n)` with `gamma1 = (E[Y^3] + 3 sum_kl H_kl c_k c_l) / E[Y^2]^(3/2)`,
/// exact to that order: the second term is the estimator's curvature (H its Hessian in the raw
/// moments, ``MomentStatistic/curvature(centralMoments:)``, and `c_k = Cov(Y, e^k)`), which the
/// influence function alone misses. Computed here from the central moments of T up to order 12. A one-term Edgeworth expansion shows the tail error of the
/// normal approximation grows with this skewness, so qkverify makes a test only where
/// `|gamma1| / sqrt(n) <= ``limit``` and reports it as untested elsewhere, with the n it would need.
///
/// For T at d = 1, mu = 0 (its heaviest tails), gamma1 is 0 for the mean (the law is symmetric), 8.84
/// for the variance and 146.7 for the kurtosis: n = 10^4 serves the variance test, while the kurtosis
/// test needs 2.15 x 10^6 samples there.
///
/// The excess kurtosis of that mean, `gamma2 / n` with `gamma2 = E[Y^4] / E[Y^2]^2 - 3`, matters too:
/// at mu = 0 the skewness estimator's sampling skewness is 0 but its sampling kurtosis is large
/// (gamma2 about 3000 at d = 1), and the one-term Edgeworth correction of a tail at |z| = 4.2 is
/// `phi(z) He3(z) / 24 x gamma2 / n`, about 11 gamma2 / n of the tail. A test is made only where also `gamma2 / n <=`
/// ``kurtosisLimit`` (where gamma2 is known: it needs central moments to order 4 x the degree of Y,
/// which the kurtosis test's would put at 16, beyond the 12 known; that test's skewness rule is the
/// stricter one anyway).
///
/// Unknown is not infinite. Where the law of T lacks a moment (Student's t has only those of order
/// below NU), a factor that needs it is infinite, not unknown: the estimator's sampling law has
/// tails no normal approximation describes at any n, so the test is never made and no sample size
/// is offered. (For t:10 the skewness test's gamma1 needs order 9 and exists, its gamma2 needs order
/// 12 and does not; when that guard was skipped as "unknown", true skewness claims were rejected at
/// 14 times alpha.)
package struct SamplingSkewness: Sendable, Hashable {
    /// The largest sampling skewness at which a z-test is made.
    package static let limit = 0.1
    /// The largest sampling excess kurtosis at which a z-test is made: the tail at |z| = 2.58 is then
    /// off by about 12%, the one at |z| = 4.2 by about 110% (docs/THEORY.md section 4).
    package static let kurtosisLimit = 0.1

    /// `gamma1` for each statistic; NaN where the central moments it needs (order 3, 6, 9, 12 for
    /// mean, variance, skewness, kurtosis: three times the degree of its influence function) are not
    /// known, infinite where one of them does not exist.
    package let perObservation: [MomentStatistic: Double]
    /// `gamma2` for each statistic; NaN where unknown (orders 4, 8, 12, 16), infinite where one of
    /// those moments does not exist.
    package let kurtosisPerObservation: [MomentStatistic: Double]

    /// The sampling skewness factors for a cell's exact law (NaN where no closed form gives a moment
    /// they need, infinite where the law lacks it).
    package init(_ theory: DotProductTheory) {
        // The factors are free of units: standardized moments keep them finite at any spread.
        self.init(centralMoments: theory.standardizedCentralMoments(upTo: 12), momentsExist: theory.momentsExist)
    }

    /// The factors from central moments `m[0...p]` (m[0] = 1, m[1] = 0); a statistic needing an order
    /// beyond p, or a NaN moment, gets NaN, and one needing an order beyond `momentsExist` (where
    /// `E|T|^r` is infinite) gets infinity.
    ///
    /// The influence function Y is a polynomial of degree k in `T - E[T]` with a nonzero leading
    /// coefficient, so `E[Y^4]` is infinite exactly where the moment of order 4k is, and `E|Y|^3`
    /// where the one of order 3k is.
    package init(centralMoments given: [Double], momentsExist: Int = .max) {
        let m = given + [Double](repeating: .nan, count: max(0, 13 - given.count))
        var skewness: [MomentStatistic: Double] = [:], kurtosis: [MomentStatistic: Double] = [:]
        for statistic in MomentStatistic.all {
            let y = statistic.influence(centralMoments: m)
            let degree = y.count - 1
            let y2 = SamplingSkewness.product(y, y), y3 = SamplingSkewness.product(y2, y)
            let ey2 = SamplingSkewness.expectation(y2, m)
            let third = SamplingSkewness.expectation(y3, m) + 3 * SamplingSkewness.curvatureTerm(statistic, y, m)
            skewness[statistic] = 3 * degree > momentsExist ? .infinity
                : ey2 > 0 ? third / (ey2 * ey2.squareRoot()) : (ey2.isNaN || third.isNaN ? .nan : 0)
            let y4 = SamplingSkewness.product(y2, y2)
            if 4 * degree > momentsExist {
                kurtosis[statistic] = .infinity
            } else if y4.count <= m.count {
                let ey4 = SamplingSkewness.expectation(y4, m)
                kurtosis[statistic] = ey2 > 0 ? ey4 / (ey2 * ey2) - 3 : (ey2.isNaN || ey4.isNaN ? .nan : 0)
            } else {
                kurtosis[statistic] = .nan
            }
        }
        perObservation = skewness
        kurtosisPerObservation = kurtosis
    }

    /// Each statistic's factors from these moments where they are known, else from `fallback`.
    package func filled(from fallback: SamplingSkewness) -> SamplingSkewness {
        SamplingSkewness(perObservation: perObservation.merging(fallback.perObservation) { $0.isNaN ? $1 : $0 },
                         kurtosisPerObservation: kurtosisPerObservation.merging(fallback.kurtosisPerObservation) { $0.isNaN ? $1 : $0 })
    }

    private init(perObservation: [MomentStatistic: Double], kurtosisPerObservation: [MomentStatistic: Double]) {
        self.perObservation = perObservation
        self.kurtosisPerObservation = kurtosisPerObservation
    }

    /// The sampling skewness of a statistic's estimator with n samples (NaN where unknown).
    package func skewness(_ statistic: MomentStatistic, samples n: Int) -> Double {
        perObservation[statistic, default: .nan] / Double(n).squareRoot()
    }

    /// Whether a statistic's normal approximation is trusted with n samples (never where its skewness
    /// is unknown or either factor is infinite): the sampling skewness within ``limit`` and, where
    /// known, the sampling excess kurtosis within ``kurtosisLimit``.
    package func isReliable(_ statistic: MomentStatistic, samples n: Int) -> Bool {
        let kurtosis = kurtosisPerObservation[statistic, default: .nan] / Double(n)
        return Swift.abs(skewness(statistic, samples: n)) <= SamplingSkewness.limit
            && (kurtosis.isNaN || Swift.abs(kurtosis) <= SamplingSkewness.kurtosisLimit)
    }

    /// The fewest samples at which a statistic's normal approximation is trusted; nil where the
    /// moments that decide it are not known or do not exist (the test is never made).
    package func samplesNeeded(_ statistic: MomentStatistic) -> Int? {
        let g = perObservation[statistic, default: .nan] / SamplingSkewness.limit
        let k = Swift.abs(kurtosisPerObservation[statistic, default: .nan]) / SamplingSkewness.kurtosisLimit
        guard g.isFinite, g * g < 9e18, k != .infinity else { return nil }
        let byKurtosis = k.isFinite && k < 9e18 ? Int(k.rounded(.up)) : 0
        return max(Int((g * g).rounded(.up)), byKurtosis)
    }

    /// The curvature's share of n^2 times the estimator's third cumulant, `sum_kl H_kl c_k c_l` with
    /// H the estimator's Hessian in the raw moments about the mean (``MomentStatistic/curvature(centralMoments:)``)
    /// and `c_k = Cov(Y, e^k)`; 0 for the mean, `-2 m3^2` for the variance.
    static func curvatureTerm(_ statistic: MomentStatistic, _ y: [Double], _ m: [Double]) -> Double {
        let h = statistic.curvature(centralMoments: m)
        let c = (1...4).map { k in
            var power = [Double](repeating: 0, count: k + 1)
            power[k] = 1
            power[0] = -m[k]
            return expectation(product(y, power), m)
        }
        var sum = 0.0
        for k in 0..<4 { for l in 0..<4 where h[k][l] != 0 { sum += h[k][l] * c[k] * c[l] } }
        return sum
    }

    static func product(_ a: [Double], _ b: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() { for (j, y) in b.enumerated() { out[i + j] += x * y } }
        return out
    }

    static func expectation(_ poly: [Double], _ moments: [Double]) -> Double {
        poly.enumerated().reduce(0) { $1.element == 0 ? $0 : $0 + $1.element * moments[$1.offset] }
    }
}
