import Foundation
import QKStatistics

/// What is measured of each query's attention weights p = softmax(logits / tau): one value per
/// query and temperature, averaged over queries with its standard error.
///
/// Each statistic says how its per-query value follows from ``Weights``, the sums one pass over the
/// N weights gives; the sampler, the table and its JSON iterate over ``allCases``. Adding a statistic
/// of the weights is a case here (and, where the sums do not yet hold what it needs, a sum in
/// ``Weights``).
public enum SoftmaxStatistic: String, Statistic, CaseIterable {
    /// The largest weight, max_j p_j (1 when one-hot).
    case maxWeight = "max_weight"
    /// The entropy of p over log N (1 when uniform, 0 when one-hot).
    case entropy
    /// The Frobenius norm of the softmax Jacobian diag(p) - p p^T (0 when one-hot: no gradient).
    case jacobianNorm = "jacobian_norm"
    /// The share of weights with p (1 - p) < 1e-6: saturated, passing almost no gradient.
    case saturated
    /// The variance of the scaled logits q^T k_j / tau across the query's keys.
    case logitVariance = "logit_var"
    /// The weight on key 1 (the aligned key where there is one; otherwise a key like any other, 1/N on average).
    case alignedWeight = "aligned_weight"
    /// The participation sum_j p_j^2: 1/N when uniform, 1 when one-hot; the attention output's
    /// variance over sigma_v^2 for values of variance sigma_v^2 (THEORY section 9).
    case participation
    /// sum_j p_j^3, which the Jacobian's squared norm needs.
    case cubeSum = "cube_sum"
    /// The squared Frobenius norm of the softmax Jacobian, sum p^2 - 2 sum p^3 + (sum p^2)^2: its mean
    /// has an exact form (THEORY section 9), the mean of the norm itself has none.
    case jacobianSquared = "jacobian_sq"
    /// The square of the attention output o = sum_j p_j v_j for values v_j ~ N(0, sigma_v^2) drawn
    /// with the keys: its mean is the output's variance, sigma_v^2 E[sum p^2] (E[o] = 0).
    case outputVariance = "output_var"

    public var key: String { rawValue }

    public var symbol: String {
        switch self {
        case .maxWeight: return "E[max p]"
        case .entropy: return "E[H(p)] / log N"
        case .jacobianNorm: return "E||J||_F"
        case .saturated: return "saturated share"
        case .logitVariance: return "logit variance"
        case .alignedWeight: return "E[p_1]"
        case .participation: return "E[sum p^2]"
        case .cubeSum: return "E[sum p^3]"
        case .jacobianSquared: return "E||J||_F^2"
        case .outputVariance: return "Var(o)"
        }
    }

    /// The statistic's position in ``allCases``, for per-statistic buffers.
    /// Its name in a reader's sentence ("largest weight", "entropy", ...).
    public var name: String {
        switch self {
        case .maxWeight: return "largest weight"
        case .entropy: return "entropy"
        case .jacobianNorm: return "Jacobian norm"
        case .saturated: return "saturated share"
        case .logitVariance: return "logit variance"
        case .alignedWeight: return "aligned key's weight"
        case .participation: return "participation"
        case .cubeSum: return "sum of cubed weights"
        case .jacobianSquared: return "squared Jacobian norm"
        case .outputVariance: return "output variance"
        }
    }

    public var index: Int { SoftmaxStatistic.allCases.firstIndex(of: self)! }

    /// The statistic's value for one query's weights.
    public func value(_ w: Weights) -> Double {
        switch self {
        case .maxWeight: return w.largest
        case .entropy: return max(0, w.entropy) / log(w.n)
        case .jacobianNorm: return max(0, w.sum2 - 2 * w.sum3 + w.sum2 * w.sum2).squareRoot()
        case .saturated: return w.saturated / w.n
        case .logitVariance: return w.logitVariance
        case .alignedWeight: return w.first
        case .participation: return w.sum2
        case .cubeSum: return w.sum3
        case .jacobianSquared: return max(0, w.sum2 - 2 * w.sum3 + w.sum2 * w.sum2)
        case .outputVariance: return w.output * w.output
        }
    }

    /// The sums one pass over a query's N weights gives, from which every statistic follows.
    public struct Weights: Sendable {
        /// N, the number of keys.
        public var n: Double
        /// The largest weight.
        public var largest: Double
        /// The entropy -sum p log p.
        public var entropy: Double
        /// sum p^2 (the participation).
        public var sum2: Double
        /// sum p^3.
        public var sum3: Double
        /// How many weights have p (1 - p) < 1e-6.
        public var saturated: Double
        /// The variance of the scaled logits across keys.
        public var logitVariance: Double
        /// The weight on key 1.
        public var first: Double
        /// The attention output sum_j p_j v_j over the query's values.
        public var output: Double
    }
}
