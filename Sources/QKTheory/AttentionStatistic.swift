import Foundation

/// A statistic of one query's softmax attention weights a = softmax(x) over N keys whose expectation
/// ``AttentionWeights`` and ``AttentionTheory`` compute exactly (docs/THEORY.md section 6).
public enum AttentionStatistic: String, Sendable, CaseIterable {
    /// The entropy `H = -sum_j a_j log a_j`, in nats (log N when uniform, 0 when one-hot).
    case entropy
    /// The participation `sum_j a_j^2` (1/N when uniform, 1 when one-hot); its reciprocal is the
    /// effective number of keys attended to.
    case participation
    /// `sum_j a_j^3` (1/N^2 when uniform).
    case cubeSum = "cube_sum"
    /// The square of the participation, `(sum_j a_j^2)^2` (1/N^2 when uniform).
    case participationSquared = "participation_squared"
    /// The squared Frobenius norm of the softmax Jacobian `J = diag(a) - a a^T`,
    /// `||J||_F^2 = sum a^2 - 2 sum a^3 + (sum a^2)^2` ((N - 1)/N^2 when uniform, 0 when one-hot).
    case jacobianSquaredNorm = "jacobian_squared_norm"
    /// The largest weight `max_j a_j` (1/N when uniform, 1 when one-hot).
    case maxWeight = "max_weight"

    /// The statistic's value at uniform weights, a_j = 1/N: its exact expectation at s = 0.
    public func uniformValue(keys n: Int) -> Double {
        let n = Double(n)
        switch self {
        case .entropy: return log(n)
        case .participation, .maxWeight: return 1 / n
        case .cubeSum, .participationSquared: return 1 / (n * n)
        case .jacobianSquaredNorm: return (n - 1) / (n * n)
        }
    }

    /// The smallest value the statistic takes over the weight vectors of N keys: 0 for the entropy and
    /// the Jacobian, 1/N for the participation and the largest weight, 1/N^2 for the others (by the
    /// power-mean inequality; reached at uniform weights).
    public func smallestValue(keys n: Int) -> Double {
        let n = Double(n)
        switch self {
        case .entropy, .jacobianSquaredNorm: return 0
        case .participation, .maxWeight: return 1 / n
        case .cubeSum, .participationSquared: return 1 / (n * n)
        }
    }

    /// An upper bound on the statistic over every weight vector of N keys (each is non-negative):
    /// log N for the entropy, 1 for the others (`||J||_F^2 <= 2 sum a^2 (1 - a)^2 <= 8/27`).
    public func largestValue(keys n: Int) -> Double {
        self == .entropy ? log(Double(n)) : 1
    }
}
