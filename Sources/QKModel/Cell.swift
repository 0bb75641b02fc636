/// One point of the experimental grid: the dimension and how q and k are drawn.
public struct Cell: Sendable, Hashable {
    /// The dimension of q and k (at least 1).
    public let d: Int
    /// How the coordinates are drawn and T is formed.
    public let model: CoordinateModel

    /// A cell; the values are assumed valid (``Grid`` validates them).
    public init(d: Int, model: CoordinateModel) {
        self.d = d
        self.model = model
    }

    /// A cell of the seed derivation's model: iid N(mu, sigma^2) coordinates shared by q and k.
    public init(d: Int, mu: Double, sigma: Double) {
        self.init(d: d, model: CoordinateModel(mu: mu, sigma: sigma))
    }

    /// The shared mean of q and k (q's mean where they differ; see ``CoordinateModel/mu``).
    public var mu: Double { model.muQ }
    /// The shared spread of q and k (q's spread where they differ).
    public var sigma: Double { model.sigmaQ }
}
