/// One point of the experimental grid: the dimension and the coordinates' distribution.
public struct Cell: Sendable, Hashable {
    /// The dimension of q and k (at least 1).
    public let d: Int
    /// The mean of every coordinate of q and k.
    public let mu: Double
    /// The standard deviation of every coordinate (greater than 0).
    public let sigma: Double

    /// A cell; the values are assumed valid (``Grid`` validates them).
    public init(d: Int, mu: Double, sigma: Double) {
        self.d = d
        self.mu = mu
        self.sigma = sigma
    }

    /// The closed forms for this cell.
    public var theory: DotProductTheory { DotProductTheory(d: d, mu: mu, sigma: sigma) }
}
