/// One cell of the softmax experiment: a query and `keys` keys in R^d, coordinates N(mu, sigma^2).
public struct SoftmaxCell: Sendable, Hashable {
    /// The dimension.
    public let d: Int
    /// The coordinates' mean.
    public let mu: Double
    /// The coordinates' standard deviation.
    public let sigma: Double
    /// The number of keys N the query attends over.
    public let keys: Int

    /// A cell.
    public init(d: Int, mu: Double, sigma: Double, keys: Int) {
        self.d = d
        self.mu = mu
        self.sigma = sigma
        self.keys = keys
    }

    /// The draws one query takes: d for q, d for each key.
    public var drawsPerSample: Int { (keys + 1) * d }
}

/// The temperatures tau of `softmax(q^T k_j / tau)` compared.
public enum SoftmaxScale: String, Sendable, CaseIterable {
    /// tau = 1: no scaling.
    case none
    /// tau = sqrt(d): the Transformer's choice.
    case sqrtD = "sqrt_d"
    /// tau = sqrt(d sigma^2 (sigma^2 + mu^2)): the spread of the logits given q (THEORY.md section 4).
    case withinQuery = "within_query"
    /// tau = sqrt(Var T) = sqrt(d (sigma^4 + 2 mu^2 sigma^2)).
    case total

    /// tau for a cell.
    public func tau(_ cell: SoftmaxCell) -> Double {
        let d = Double(cell.d), s2 = cell.sigma * cell.sigma, m2 = cell.mu * cell.mu
        switch self {
        case .none: return 1
        case .sqrtD: return d.squareRoot()
        case .withinQuery: return (d * s2 * (s2 + m2)).squareRoot()
        case .total: return (d * (s2 * s2 + 2 * m2 * s2)).squareRoot()
        }
    }

    /// The scales shown for a cell: within_query and total only where mu != 0 (at mu = 0 they are
    /// sigma^2 sqrt(d), which is sqrt_d at sigma = 1).
    public static func shown(for cell: SoftmaxCell) -> [SoftmaxScale] {
        cell.mu == 0 ? [.none, .sqrtD] : allCases
    }
}

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
}
