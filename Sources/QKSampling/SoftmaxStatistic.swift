/// What is measured of each query's attention weights p.
public enum SoftmaxStatistic: String, Sendable, CaseIterable {
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
}

extension SoftmaxStatistic {
    /// The statistic's position in ``allCases``, for per-statistic buffers.
    public var index: Int { SoftmaxStatistic.allCases.firstIndex(of: self)! }
}
