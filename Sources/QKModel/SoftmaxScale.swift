/// The temperatures tau of `softmax(q^T k_j / tau)` compared.
public enum SoftmaxScale: String, Sendable, CaseIterable {
    /// tau = 1: no scaling.
    case none
    /// tau = sqrt(d): the Transformer's choice.
    case sqrtD = "sqrt_d"
    /// tau = sqrt(d sigma^2 (sigma^2 + mu^2)): the spread of the logits given q (docs/THEORY.md section 6).
    case withinQuery = "within_query"
    /// tau = sqrt(Var T) = sqrt(d (sigma^4 + 2 mu^2 sigma^2)).
    case total
    /// tau = d: muP's attention scale (Yang et al., Tensor Programs V), right once q and k are aligned.
    case d

    /// The temperature as a reader writes it: `1`, `sqrt(d)`, `d`.
    public var label: String {
        switch self {
        case .none: return "1"
        case .sqrtD: return "sqrt(d)"
        case .withinQuery: return "sqrt(d sigma^2 (sigma^2 + mu^2))"
        case .total: return "sqrt(Var T)"
        case .d: return "d"
        }
    }

    /// The temperature in LaTeX math: `\sqrt{d}`.
    public var latex: String {
        switch self {
        case .none: return "1"
        case .sqrtD: return "\\sqrt{d}"
        case .withinQuery: return "\\sqrt{d\\sigma^2(\\sigma^2+\\mu^2)}"
        case .total: return "\\sqrt{\\operatorname{Var} T}"
        case .d: return "d"
        }
    }

    /// tau for a cell.
    public func tau(_ cell: SoftmaxCell) -> Double {
        let d = Double(cell.d), s2 = cell.sigma * cell.sigma, m2 = cell.mu * cell.mu
        switch self {
        case .none: return 1
        case .sqrtD: return d.squareRoot()
        case .withinQuery: return (d * s2 * (s2 + m2)).squareRoot()
        case .total: return (d * (s2 * s2 + 2 * m2 * s2)).squareRoot()
        case .d: return d
        }
    }

    /// The scales shown for a cell: within_query and total only where mu != 0 (at mu = 0 they are
    /// sigma^2 sqrt(d), which is sqrt_d at sigma = 1); d only where a key is aligned with the query.
    public static func shown(for cell: SoftmaxCell) -> [SoftmaxScale] {
        if cell.alignedRho != 0 { return [.none, .sqrtD, .d] }
        return cell.mu == 0 ? [.none, .sqrtD] : [.none, .sqrtD, .withinQuery, .total]
    }
}
