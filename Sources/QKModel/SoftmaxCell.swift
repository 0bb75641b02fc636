import Foundation

/// One cell of the softmax experiment: a query and `keys` keys in R^d, coordinates N(mu, sigma^2).
/// With ``alignedRho`` != 0, key 1 is aligned with the query: its standardized coordinates are
/// `rho a_i + sqrt(1 - rho^2) c_i`, a_i the query's (docs/THEORY.md section 6).
public struct SoftmaxCell: Sendable, Hashable {
    /// The dimension of the query and keys.
    public let d: Int
    /// The coordinates' mean.
    public let mu: Double
    /// The coordinates' standard deviation.
    public let sigma: Double
    /// The number of keys N the query attends over.
    public let keys: Int

    /// The correlation of key 1's coordinates with the query's (0: every key independent).
    public let alignedRho: Double

    /// A cell.
    public init(d: Int, mu: Double, sigma: Double, keys: Int, alignedRho: Double = 0) {
        self.d = d
        self.mu = mu
        self.sigma = sigma
        self.keys = keys
        self.alignedRho = alignedRho
    }

    /// The d-independent limit of the aligned key's weight under tau = d, `e^rho / (e^rho + N - 1)`
    /// (at mu = 0, sigma = 1: the logit gap over d tends to rho, the noise over d to 0).
    public var alignedLimit: Double {
        let e = exp(alignedRho)
        return e / (e + Double(keys - 1))
    }

    /// The draws one query takes: d for q, d for each key.
    public var drawsPerSample: Int { (keys + 1) * d }
}
