import Foundation

/// One cell of the softmax experiment: a query and `keys` keys in R^d, coordinates drawn as `model`
/// says (law, means and spreads of q and k, correlation, normalization). With ``alignedRho`` != 0,
/// key 1 is aligned with the query: its standardized coordinates are `rho a_i + sqrt(1 - rho^2) c_i`,
/// a_i the query's (docs/THEORY.md section 6).
public struct SoftmaxCell: Sendable, Hashable {
    /// The dimension of the query and keys.
    public let d: Int
    /// How the query's and the keys' coordinates are drawn, and what is done to the vectors.
    public let model: CoordinateModel
    /// The number of keys N the query attends over.
    public let keys: Int

    /// The correlation of key 1's coordinates with the query's (0: every key as the model says).
    public let alignedRho: Double

    /// The standard deviation sigma_v of the values v_j ~ N(0, sigma_v^2) the weights average (one
    /// value per key, independent of the keys and of each other): the output sum_j a_j v_j has
    /// variance sigma_v^2 E[sum_j a_j^2].
    public let valueSigma: Double

    /// A cell of any coordinate model.
    public init(d: Int, model: CoordinateModel, keys: Int, alignedRho: Double = 0, valueSigma: Double = 1) {
        self.d = d
        self.model = model
        self.keys = keys
        self.alignedRho = alignedRho
        self.valueSigma = valueSigma
    }

    /// A cell of the seed model: iid N(mu, sigma^2) coordinates shared by the query and the keys.
    public init(d: Int, mu: Double, sigma: Double, keys: Int, alignedRho: Double = 0, valueSigma: Double = 1) {
        self.init(d: d, model: CoordinateModel(mu: mu, sigma: sigma), keys: keys, alignedRho: alignedRho, valueSigma: valueSigma)
    }

    /// The coordinates' mean (the query's where the query and the keys differ).
    public var mu: Double { model.muQ }
    /// The coordinates' standard deviation (the query's where they differ).
    public var sigma: Double { model.sigmaQ }

    /// The d-independent limit of the aligned key's weight under tau = d, `e^rho / (e^rho + N - 1)`
    /// (at mu = 0, sigma = 1: the logit gap over d tends to rho, the noise over d to 0).
    public var alignedLimit: Double {
        let e = exp(alignedRho)
        return e / (e + Double(keys - 1))
    }

    /// The draws one query takes from its block's generator: d for q, d for each key. (Its N values
    /// come from a second generator of the block, so that drawing them leaves the query's and the
    /// keys' draws as they are.)
    public var drawsPerSample: Int { (keys + 1) * d }
}
