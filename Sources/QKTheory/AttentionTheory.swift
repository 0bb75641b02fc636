import Foundation
import QKSupport
import QKGSL

/// The exact expectations of the softmax weight statistics of one query against N keys, averaged
/// over the query: docs/THEORY.md section 6, "Reduction".
///
/// The keys have iid N(mu_k, sigma_k^2) coordinates (mu_k does not matter: it shifts every logit
/// alike) and the temperature is tau, so given q the weights are those of ``AttentionWeights`` with
/// `s = sigma_k |q| / tau`, and each expectation is g(N, s) averaged over the law of |q|
/// (``AttentionQuery``):
/// - unit-normalized q: g(N, sigma_k / tau); LayerNorm-ed q: g(N, sigma_k sqrt(d) / tau), exactly;
/// - raw Gaussian q: `E g(N, c R)` with `c = sigma_k sigma_q / tau` and R the noncentral chi law of
///   ``AttentionQueryLength``, by Gauss rules of that law (3 and 5 points, then 5 and 8, 8 and 12, up
///   to 27 and 40) until two successive rules agree to the tolerance for every statistic.
///
/// The bound of an averaged value adds the difference between the last two rules, the rule's
/// weighted sum of the bounds of g at its nodes, and the error of the discretised law of R (its
/// tails beyond the range where each has probability under 1e-30, and its panel rule's error: their
/// sum, at most `|1 - mass of the discretised law|`, times the largest g met). When no pair of
/// rules agrees to the tolerance, the last pair's value comes back with its (larger) bound, so
/// ``AttentionExpectations/meetTolerance`` tells the caller to treat the setting as untested.
///
/// The attention output's variance, for values with variance sigma_v^2 independent of the weights,
/// is ``AttentionExpectations/outputVariance(valueVariance:)``: `sigma_v^2 E[sum a^2]`.
public struct AttentionTheory: Sendable, Hashable {
    /// The relative tolerance asked of every statistic unless another is given.
    public static let defaultTolerance = 1e-6

    /// The number of keys N.
    public let keys: Int
    /// The softmax temperature tau: the logits are `q . k_j / tau`.
    public let temperature: Double
    /// The standard deviation sigma_k of each key coordinate.
    public let keySigma: Double
    /// The law of the query.
    public let query: AttentionQuery

    /// The theory of one setting.
    ///
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` for fewer than 2 keys (``Setting/keys``), a key or
    ///   query spread that is not positive and finite (``Setting/sigmas``), a query mean that is not
    ///   finite (``Setting/means``) or a dimension below 1 (``Setting/dimensions``). A temperature
    ///   that is not positive and finite has no setting to name; it is kept, and every expectation
    ///   is then NaN with an infinite bound.
    public init(keys: Int, temperature: Double, keySigma: Double, query: AttentionQuery) throws {
        guard keys >= 2 else {
            throw QKVerifyError.invalid(.keys, "attention needs at least 2 keys, not \(keys)")
        }
        guard keySigma > 0 && keySigma.isFinite else {
            throw QKVerifyError.invalid(.sigmas, "the keys' sigma must be positive and finite, not \(keySigma)")
        }
        switch query {
        case let .gaussian(d, mean, sigma):
            guard d >= 1 else { throw QKVerifyError.invalid(.dimensions, "the dimension d must be at least 1, not \(d)") }
            guard sigma > 0 && sigma.isFinite else {
                throw QKVerifyError.invalid(.sigmas, "the query's sigma must be positive and finite, not \(sigma)")
            }
            guard mean.isFinite else { throw QKVerifyError.invalid(.means, "the query's mean must be finite, not \(mean)") }
        case let .layerNormalized(d):
            guard d >= 1 else { throw QKVerifyError.invalid(.dimensions, "the dimension d must be at least 1, not \(d)") }
        case .unitNormalized:
            break
        }
        self.keys = keys
        self.temperature = temperature
        self.keySigma = keySigma
        self.query = query
    }

    /// The logit spread `s = sigma_k |q| / tau` of a query of length |q|.
    public func logitScale(queryLength: Double) -> Double {
        keySigma * queryLength / temperature
    }

    /// The expectation of every statistic over the query's law, each to relative accuracy
    /// `tolerance` where the quadratures reach it (see ``AttentionExpectations/meetTolerance``).
    ///
    /// - Complexity: one ``AttentionWeights`` computation (15 to 40 ms of CPU in a release build)
    ///   for a normalized query; from 8 (narrow laws of |q|, d >= 8) to 73 (d = 1) of them for a raw
    ///   Gaussian one. Measured at the default tolerance: 0.18 s (N = 65536, d = 512, tau = 1),
    ///   0.33 s (N = 64, d = 64, tau = 1), 1.1 s (N = 64, d = 1); 0.45 s on average over the 100
    ///   cells of `results/softmax.csv`.
    public func expectations(tolerance: Double = AttentionTheory.defaultTolerance) -> AttentionExpectations {
        guard temperature > 0 && temperature.isFinite, tolerance > 0 else {
            return AttentionExpectations(keys: keys, tolerance: tolerance) { _ in .unavailable }
        }
        // The conditional values are asked ten times finer, so their bounds weigh little in the sum.
        let inner = tolerance / 10
        switch query {
        case .unitNormalized, .layerNormalized:
            let s = logitScale(queryLength: query.fixedLength!)
            let e = AttentionWeights(keys: keys, scale: s).expectations(tolerance: inner)
            return AttentionExpectations(keys: keys, tolerance: tolerance) { e[$0] }
        case let .gaussian(d, mean, sigma):
            let law = AttentionQueryLength(d: d, mean: mean, sigma: sigma)
            return average(over: law, unit: keySigma * sigma / temperature, tolerance: tolerance, inner: inner)
        }
    }

    /// The orders of the Gauss rules compared in turn.
    static let ruleOrders = [3, 5, 8, 12, 18, 27, 40]
    /// The probability each tail of the law of |q| may leave out.
    static let lengthTail = 1e-30

    /// `E g(N, unit * R)` for R of `law`, by Gauss rules of increasing order.
    ///
    /// The discretised law's mass differs from 1 by its tails (2e-30) and by the panel rule's error
    /// and rounding (1e-15 to 2e-13): both change the measure by that fraction at most, so E g by at
    /// most that fraction of the largest g met at the rule's nodes (the statistics are monotone in s
    /// or nearly so, so the largest value on the range is reached near its ends, where the
    /// high-order rules put nodes).
    private func average(over law: AttentionQueryLength, unit: Double, tolerance: Double,
                         inner: Double) -> AttentionExpectations {
        let measure = law.discretised(tail: Self.lengthTail)
        let missing = abs(1 - measure.masses.reduce(0, +)) + 2 * Self.lengthTail
        var cache: [Double: AttentionExpectations] = [:]
        func g(_ r: Double) -> AttentionExpectations {
            if let known = cache[r] { return known }
            let e = AttentionWeights(keys: keys, scale: unit * r).expectations(tolerance: inner)
            cache[r] = e
            return e
        }
        func rule(_ n: Int) -> [AttentionStatistic: (sum: AttentionEstimate, largest: Double)]? {
            guard let gauss = IntegrationFixedRule.gauss(points: n, measure: measure.points, mass: measure.masses) else {
                return nil
            }
            var values: [AttentionStatistic: (sum: AttentionEstimate, largest: Double)] = [:]
            for (r, w) in zip(gauss.nodes, gauss.weights) {
                let e = g(r)
                for statistic in AttentionStatistic.allCases {
                    let (sum, largest) = values[statistic] ?? (AttentionEstimate(exactly: 0), 0)
                    values[statistic] = (sum + w * e[statistic], max(largest, abs(e[statistic].value)))
                }
            }
            return values
        }
        var previous = rule(Self.ruleOrders[0])
        var result = AttentionExpectations(keys: keys, tolerance: tolerance) { _ in .unavailable }
        for n in Self.ruleOrders.dropFirst() {
            guard let last = previous, let current = rule(n) else { break }
            result = AttentionExpectations(keys: keys, tolerance: tolerance) { statistic in
                let (v, largest) = current[statistic]!, before = last[statistic]!.sum
                let bound = abs(v.value - before.value) + v.errorBound + missing * largest
                return AttentionEstimate(value: v.value, errorBound: bound)
            }
            if result.meetTolerance { break }
            previous = current
        }
        return result
    }
}
