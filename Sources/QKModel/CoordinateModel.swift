import QKSupport
/// How a cell draws q and k, apart from the dimension: the coordinates' law, each vector's mean
/// and spread, the correlation of each pair (q_i, k_i), and the normalization before the product.
///
/// Coordinates are `q_i = mu_q + sigma_q a_i` and `k_i = mu_k + sigma_k b_i`, pairs independent
/// across i, with `a_i, b_i` from ``law``; for `rho != 0` (Gaussian only) `b_i = rho a_i +
/// sqrt(1 - rho^2) c_i`.
public struct CoordinateModel: Sendable, Hashable {
    /// The standardized law of a_i and b_i.
    public let law: CoordinateLaw
    /// The mean of q's coordinates.
    public let muQ: Double
    /// The mean of k's coordinates.
    public let muK: Double
    /// The standard deviation of q's coordinates (> 0).
    public let sigmaQ: Double
    /// The standard deviation of k's coordinates (> 0).
    public let sigmaK: Double
    /// The correlation of each pair (q_i, k_i), in [-1, 1]; nonzero only for the Gaussian law.
    public let rho: Double
    /// What is done to q and k before the product.
    public let norm: Normalization

    /// A model; the values are assumed valid (``Grid`` validates them).
    public init(law: CoordinateLaw = .gaussian, muQ: Double, muK: Double, sigmaQ: Double, sigmaK: Double,
                rho: Double = 0, norm: Normalization = .none) {
        self.law = law
        self.muQ = muQ
        self.muK = muK
        self.sigmaQ = sigmaQ
        self.sigmaK = sigmaK
        self.rho = rho
        self.norm = norm
    }

    /// The seed derivation's model: iid Gaussian coordinates, one mean and one spread for q and k.
    public init(mu: Double, sigma: Double) {
        self.init(muQ: mu, muK: mu, sigmaQ: sigma, sigmaK: sigma)
    }

    /// Whether q and k share one mean and one spread (then formulas may say `mu` and `sigma`).
    public var isShared: Bool { muQ == muK && sigmaQ == sigmaK }

    /// The shared mean, or nil where q and k have different means.
    public var mu: Double? { muQ == muK ? muQ : nil }
    /// The shared spread, or nil where q and k have different spreads.
    public var sigma: Double? { sigmaQ == sigmaK ? sigmaQ : nil }

    /// The mean as a reader's table prints it: `1`, or q's and k's as `1:0` where they differ.
    public var meanText: String { Grid.Pair((muQ, muK)).description }
    /// The spread as a reader's table prints it: `2`, or q's and k's as `2:0.5` where they differ.
    public var spreadText: String { Grid.Pair((sigmaQ, sigmaK)).description }

    /// Whether this is the seed derivation's setting: raw vectors, independent coordinates, shared
    /// mean and spread (any law).
    public var isSeedSetting: Bool { isShared && rho == 0 && norm == .none }

    /// Whether this is the footnote's setting: raw, independent, mean 0 and variance 1.
    public var isStandard: Bool { isSeedSetting && muQ == 0 && sigmaQ == 1 }

    /// A compact description: `gaussian mu=0 sigma=1`, `uniform mu_q=0 mu_k=1 sigma=1 rho=0.5 norm=unit`.
    public var label: String {
        let f = NumberText.format
        var parts = [law.description]
        parts.append(mu.map { "mu=\(f($0))" } ?? "mu_q=\(f(muQ)) mu_k=\(f(muK))")
        parts.append(sigma.map { "sigma=\(f($0))" } ?? "sigma_q=\(f(sigmaQ)) sigma_k=\(f(sigmaK))")
        if rho != 0 { parts.append("rho=\(f(rho))") }
        if norm != .none { parts.append("norm=\(norm.rawValue)") }
        return parts.joined(separator: " ")
    }
}
