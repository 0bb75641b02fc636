import Foundation
import QKModel

/// The closed forms for normalized vectors (docs/THEORY.md section 2), where they exist.
///
/// - `unit` at rho = 0 with at least one of mu_q, mu_k equal to 0 (say mu_k): E[c] = 0 and
///   Var(c) = 1/d for any symmetric law, whatever q's mean. Flipping one coordinate of k keeps its
///   law, so `E[k_i k_j / |k|^2] = 0` for i != j, and exchangeability gives `E[k_i^2 / |k|^2] = 1/d`;
///   hence `E[c^2] = sum_i E[q_i^2 / |q|^2] / d = 1/d`. For Gaussians k/|k| is uniform on the sphere
///   and independent of q, so c is one coordinate of a uniform unit vector whatever q is:
///   `(1 + c)/2 ~ Beta((d-1)/2, (d-1)/2)`, `c^2 ~ Beta(1/2, (d-1)/2)`,
///   `E[c^(2m)] = prod_{j<m} (1/2 + j) / (d/2 + j)` (skewness 0, excess kurtosis -6/(d + 2)). Other
///   laws have no such symmetry: beyond the variance there is no closed form, except Rademacher
///   coordinates at mu_q = mu_k = 0, where |q|^2 = d sigma^2 exactly and c is the raw dot product of
///   the standardized vectors divided by d.
/// - `layer` at rho = 0 (any continuous law, any means and spreads): T = d r with E[r] = 0 and
///   E[r^2] = 1/(d - 1) by a permutation argument; for Gaussians `r^2 ~ Beta(1/2, (d-2)/2)`.
enum NormalizedTheory {
    /// kappa_0 ... kappa_R of T (index 0 holds 0), or [] where no closed form is known.
    static func cumulants(_ cell: Cell, order: Int) -> [Double] {
        let m = cell.model, d = Double(cell.d)
        guard m.rho == 0 else { return [] }
        switch m.norm {
        case .none:
            return []
        case .unit:
            guard m.muQ == 0 || m.muK == 0 else { return [] }
            switch m.law {
            case .gaussian:
                return symmetric(evenMoments: betaSquareMoments(shape: (d - 1) / 2, order: order), scale: 1)
            case .rademacher where m.muQ == 0 && m.muK == 0:
                let standard = CoordinateModel(law: .rademacher, muQ: 0, muK: 0, sigmaQ: 1, sigmaK: 1)
                let x = ProductExpansion.cumulants(standard, order: order)
                // The sum of d products, divided by d: kappa_r = d kappa_r(X) / d^r.
                return x.enumerated().map { r, k in r == 0 ? 0 : d * k / pow(d, Double(r)) }
            default:
                return [0, 0, 1 / d]
            }
        case .layer:
            switch m.law {
            case .gaussian:
                return symmetric(evenMoments: betaSquareMoments(shape: (d - 2) / 2, order: order), scale: d)
            default:
                return [0, 0, d * d / (d - 1)]
            }
        }
    }

    /// `E[u^m]` for u ~ Beta(1/2, shape), m = 0 ... order/2: the even moments of a symmetric cosine.
    /// (shape 0 is the point mass u = 1: a cosine of +-1.)
    static func betaSquareMoments(shape: Double, order: Int) -> [Double] {
        var out = [1.0]
        for j in 0..<(order / 2) { out.append(out.last! * (0.5 + Double(j)) / (shape + 0.5 + Double(j))) }
        return out
    }

    /// Cumulants of `scale * c` for a symmetric c with `E[c^(2m)] = evenMoments[m]`.
    static func symmetric(evenMoments: [Double], scale: Double) -> [Double] {
        let order = 2 * (evenMoments.count - 1)
        var central = [Double](repeating: 0, count: order + 1)
        for (m, value) in evenMoments.enumerated() { central[2 * m] = value * pow(scale, Double(2 * m)) }
        return Cumulants.fromCentral(central)
    }
}
