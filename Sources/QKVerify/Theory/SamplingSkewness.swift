/// How far from normal each test statistic's sampling distribution is, and so where its z-test can
/// be trusted.
///
/// Each estimator (mean, variance, skewness, excess kurtosis) is, to first order, the mean of its
/// influence function `Y = psi(T)`, a polynomial of degree at most 4 in `e = T - E[T]`. The skewness
/// of that mean is `gamma1 / sqrt(n)` with `gamma1 = E[Y^3] / E[Y^2]^(3/2)`, computed exactly here from
/// the central moments of T up to order 12. A one-term Edgeworth expansion shows the tail error of the
/// normal approximation grows with this skewness, so qkverify makes a test only where
/// `|gamma1| / sqrt(n) <= ``limit``` and reports it as untested elsewhere, with the n it would need.
///
/// For T at d = 1, mu = 0 (its heaviest tails), gamma1 is 0 for the mean (the law is symmetric), 8.84
/// for the variance and 158.7 for the kurtosis: n = 10^4 serves the variance test, while the kurtosis
/// test needs 2.5 x 10^6 samples there.
public struct SamplingSkewness: Sendable, Hashable {
    /// The largest sampling skewness at which a z-test is made.
    public static let limit = 0.1

    /// `gamma1` for each test, in ``MomentTest`` order; NaN where the central moments it needs
    /// (order 3, 6, 9, 12 for mean, variance, skewness, kurtosis) are not known.
    public let perObservation: [Double]

    /// The sampling skewness factors for a cell's exact law (NaN where it lacks a moment).
    public init(_ theory: DotProductTheory) {
        self.init(centralMoments: theory.centralMoments(upTo: 12))
    }

    /// The factors from central moments `m[0...p]` (m[0] = 1, m[1] = 0); a test needing an order beyond
    /// p, or a NaN moment, gets NaN.
    public init(centralMoments given: [Double]) {
        let m = given + [Double](repeating: .nan, count: max(0, 13 - given.count))
        let m2 = m[2], m3 = m[3], m4 = m[4]
        let s15 = m2 * m2.squareRoot()
        // Influence functions as coefficients of e^0 ... e^4.
        let mean: [Double] = [0, 1]
        let variance: [Double] = [-m2, 0, 1]
        let skewness: [Double] = [(-m3 + 1.5 * m3) / s15, -3 * m2 / s15, -1.5 * m3 / (m2 * s15), 1 / s15]
        let kurtosis: [Double] = [-m4 / (m2 * m2) + 2 * m4 / (m2 * m2), -4 * m3 / (m2 * m2),
                                  -2 * m4 / (m2 * m2 * m2), 0, 1 / (m2 * m2)]
        perObservation = [mean, variance, skewness, kurtosis].map { y in
            let y2 = SamplingSkewness.product(y, y), y3 = SamplingSkewness.product(y2, y)
            let ey2 = SamplingSkewness.expectation(y2, m), ey3 = SamplingSkewness.expectation(y3, m)
            return ey2 > 0 ? ey3 / (ey2 * ey2.squareRoot()) : (ey2.isNaN || ey3.isNaN ? .nan : 0)
        }
    }

    /// Each test's factor from these moments where it is known, else from `fallback`.
    public func filled(from fallback: SamplingSkewness) -> SamplingSkewness {
        SamplingSkewness(perObservation: zip(perObservation, fallback.perObservation).map { $0.isNaN ? $1 : $0 })
    }

    private init(perObservation: [Double]) { self.perObservation = perObservation }

    /// The sampling skewness of a test's statistic with n samples (NaN where unknown).
    public func skewness(_ test: MomentTest, samples n: Int) -> Double {
        perObservation[test.index] / Double(n).squareRoot()
    }

    /// Whether a test's normal approximation is trusted with n samples (never where it is unknown).
    public func isReliable(_ test: MomentTest, samples n: Int) -> Bool {
        Swift.abs(skewness(test, samples: n)) <= SamplingSkewness.limit
    }

    /// The fewest samples at which a test's normal approximation is trusted; nil where the moments
    /// that decide it are not known (the test is never made).
    public func samplesNeeded(_ test: MomentTest) -> Int? {
        let g = perObservation[test.index] / SamplingSkewness.limit
        guard g.isFinite, g * g < 9e18 else { return nil }
        return Int((g * g).rounded(.up))
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
