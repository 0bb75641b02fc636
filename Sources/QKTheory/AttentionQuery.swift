/// How the query is distributed, as far as its attention weights can tell: given q, the logits of
/// keys with iid N(mu_k, sigma_k^2) coordinates are iid N(., (sigma_k |q| / tau)^2), so only the law
/// of |q| matters (docs/THEORY.md section 6, "Reduction").
public enum AttentionQuery: Sendable, Hashable {
    /// A raw query with d iid N(mean, sigma^2) coordinates: `|q|^2 / sigma^2` is noncentral
    /// chi-square with d degrees of freedom and noncentrality `d mean^2 / sigma^2` (central at mean 0).
    case gaussian(d: Int, mean: Double, sigma: Double)
    /// A unit-normalized query (QK-norm): `|q| = 1`.
    case unitNormalized
    /// A LayerNorm-ed query (no gain, no bias): `|q|^2 = d`.
    case layerNormalized(d: Int)

    /// `|q|` when it is fixed (normalized queries); nil for a raw Gaussian query.
    public var fixedLength: Double? {
        switch self {
        case .gaussian: return nil
        case .unitNormalized: return 1
        case let .layerNormalized(d): return Double(d).squareRoot()
        }
    }
}
