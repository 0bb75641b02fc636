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
